import { createSecretScanner, type SecretScanner } from '../grounding/index.js';
import { joinAll, makeDescriptor, type Descriptor } from '../labels/descriptor.js';

const HANDLE = /«secret:(\d+)»/gu;
const MAX_DEPTH = 64;

/** What redaction did to a value. */
export interface Redaction<T> {
  readonly value: T;
  readonly count: number;
}

/** What handle resolution found in a value. */
export interface Resolution {
  readonly value: unknown;
  /** Descriptors of the secrets whose handles were in the value. */
  readonly descriptors: readonly Descriptor[];
}

/**
 * A session's secrets: each registered secret gets an opaque handle (`«secret:3»`) that stands for it in
 * everything the model sees. Handles are minted per session; a handle is resolved back to its value only when
 * the engine has allowed the call.
 */
export interface SecretVault {
  /** Registers a secret and returns its handle (the same handle for the same value). */
  add(value: string, descriptor?: Descriptor): string;
  /** Replaces every registered secret (verbatim or in a common encoding) in strings inside `value` by its handle. */
  redact<T>(value: T): Redaction<T>;
  /** Replaces every handle of this session inside `value` by its secret. */
  resolve(value: unknown): Resolution;
  /** The descriptors of the secrets a string carries: by handle, verbatim, or encoded. */
  secretsIn(text: string): readonly Descriptor[];
  readonly size: number;
}

function encodings(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms = [
    bytes.toString('base64'),
    bytes.toString('base64url'),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    encodeURIComponent(value),
  ];
  // Longest first, and never the plain value itself: that one is replaced first.
  return [...new Set(forms)].filter((form) => form !== value && form.length >= 4).sort((a, b) => b.length - a.length);
}

/**
 * Maps every string inside `value`. Objects and arrays in which nothing changed are returned as they are (a `Date`
 * or a class instance in a tool's input stays what it was); changed ones are copied as plain data.
 */
function mapStrings(value: unknown, map: (text: string) => string, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return map(value);
  if (value === null || typeof value !== 'object') return value;
  // Fail closed on depth and cycles: an unreadable structure is replaced, never passed through unredacted.
  if (depth >= MAX_DEPTH || seen.has(value)) return '«unreadable»';
  seen.add(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => mapStrings(item, map, depth + 1, seen));
    return items.every((item, index) => item === value[index]) ? value : items;
  }
  const keys = Object.keys(value);
  const mapped = keys.map((key) => mapStrings((value as Record<string, unknown>)[key], map, depth + 1, seen));
  if (mapped.every((item, index) => item === (value as Record<string, unknown>)[keys[index] as string])) return value;
  const out: Record<string, unknown> = {};
  keys.forEach((key, index) => {
    Object.defineProperty(out, key, { value: mapped[index], enumerable: true, writable: true, configurable: true });
  });
  return out;
}

/**
 * Creates an empty vault.
 *
 * @example
 * ```ts
 * const vault = createSecretVault();
 * const handle = vault.add('sk-live-51Hx');           // '«secret:1»'
 * vault.redact({ note: 'key sk-live-51Hx' }).value;  // { note: 'key «secret:1»' }
 * vault.resolve(`Bearer ${handle}`).value;           // 'Bearer sk-live-51Hx'
 * ```
 */
export function createSecretVault(): SecretVault {
  const byValue = new Map<string, string>();
  const byHandle = new Map<string, { value: string; descriptor: Descriptor; forms: string[] }>();
  const scanner: SecretScanner = createSecretScanner();
  const descriptorOf = new Map<string, Descriptor>();
  // What `redact` replaces, longest secret first, each with its value then its encodings: made once per change
  // of the vault, not once per redaction (or per string) as every tool result is redacted.
  let replacements: { readonly handle: string; readonly forms: readonly string[] }[] | undefined;
  const replacementsOf = () => {
    replacements ??= [...byHandle.entries()]
      .sort((a, b) => b[1].value.length - a[1].value.length)
      .map(([handle, secret]) => ({ handle, forms: [secret.value, ...secret.forms].filter((form) => form.length > 0) }));
    return replacements;
  };

  const vault: SecretVault = {
    add(value, descriptor = makeDescriptor({ labels: ['secret'] })) {
      const existing = byValue.get(value);
      if (existing !== undefined) return existing;
      const handle = `«secret:${byHandle.size + 1}»`;
      const labelled = joinAll([descriptor, makeDescriptor({ labels: ['secret'] })]);
      byValue.set(value, handle);
      byHandle.set(handle, { value, descriptor: labelled, forms: encodings(value) });
      descriptorOf.set(value, labelled);
      scanner.add(value);
      replacements = undefined;
      return handle;
    },
    redact(value) {
      if (byHandle.size === 0) return { value, count: 0 };
      let count = 0;
      const entries = replacementsOf();
      const redacted = mapStrings(value, (text) => {
        let out = text;
        for (const { handle, forms } of entries) {
          for (const form of forms) {
            if (!out.includes(form)) continue;
            const parts = out.split(form);
            count += parts.length - 1;
            out = parts.join(handle);
          }
        }
        return out;
      });
      return { value: redacted as typeof value, count };
    },
    resolve(value) {
      const descriptors: Descriptor[] = [];
      const resolved = mapStrings(value, (text) =>
        text.replace(HANDLE, (match) => {
          const secret = byHandle.get(match);
          if (secret === undefined) return match;
          descriptors.push(secret.descriptor);
          return secret.value;
        }),
      );
      return { value: resolved, descriptors };
    },
    secretsIn(text) {
      // An empty vault has no handle to resolve and nothing to scan for (each argument leaf is scanned).
      if (byHandle.size === 0) return [];
      const found: Descriptor[] = [];
      for (const match of text.matchAll(HANDLE)) {
        const secret = byHandle.get(match[0]);
        if (secret !== undefined) found.push(secret.descriptor);
      }
      for (const value of scanner.scan(text)) {
        const descriptor = descriptorOf.get(value);
        if (descriptor !== undefined) found.push(descriptor);
      }
      return found;
    },
    get size() {
      return byHandle.size;
    },
  };
  return vault;
}
