import type { AuditLedger } from '../audit/index.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import type { Session } from '../session/create-session.js';
import { digestValue } from '../session/digest.js';
import {
  autosignCovers,
  autosignInstructions,
  checkInstructions,
  createVerifyTool,
  type KeyInput,
  type TamperAction,
  type VerifyToolDefinition,
} from '../signing/index.js';
import { InstructionsTamperedError } from './instructions-tampered-error.js';

/** Where the adapter's signing key and signatures live, who signs, and what tampering does. */
export interface SigningOptions {
  /** The signer of instructions `defaults.autosign` covers (default `system:app`). */
  readonly by?: string;
  /** A private key (or, to verify only, a public key) instead of the key folder's. */
  readonly key?: KeyInput;
  /** Default `.labelflow/keys` in `cwd`. */
  readonly keyDir?: string;
  /** Default `.labelflow/sigs` in `cwd`. */
  readonly sigDir?: string;
  /** Default `process.cwd()`. */
  readonly cwd?: string;
  /** Autoverify, on instructions that do not match their signatures: `deny` (default) refuses the model call; `flag` lets it run with them untrusted. */
  readonly onTamper?: TamperAction;
  /** Fixed instructions by name, registered (and autosigned) at construction: a first model call cannot re-sign them. */
  readonly instructions?: Readonly<Record<string, string>>;
  /** Receives `sign` and `verify` records (default: the adapter's `audit` ledger). */
  readonly ledger?: Pick<AuditLedger, 'append'>;
}

/** What autoverify concluded about one model call's instructions. */
export type InstructionsVerdict =
  /** Autoverify is off: nothing was checked. */
  | { readonly type: 'unchecked' }
  | { readonly type: 'verified' }
  /** Tampered, `onTamper: 'flag'`: the instructions were registered `untrusted`; the caller must not index them as `trusted`. */
  | { readonly type: 'flagged'; readonly names: readonly string[] };

/** Registers, signs and checks the instructions of model calls for one adapter instance. */
export interface InstructionsVerifier {
  readonly autoverify: boolean;
  /** The names the verify tool serves: the fixed instructions and every name registered so far. */
  names(): readonly string[];
  /**
   * Before a model call: registers (and autosigns) the instructions on the session's first call under `name`,
   * then, under autoverify, checks them. `read` gives the instructions in the prompt (its system text, or
   * `undefined`); it is called only when they are needed. Throws `InstructionsTamperedError` on tampering with
   * `onTamper: 'deny'`.
   */
  beforeModelCall(input: { readonly session: Session; readonly name: string; readonly read: () => string | undefined }): InstructionsVerdict;
  /** The framework-free verify tool, recording under `sessionId`. */
  verifyTool(sessionId?: string): VerifyToolDefinition;
}

/** The tool name the flagged instructions are recorded under: they appear as its `tool-result` event. */
export const TAMPERED_INSTRUCTIONS_SOURCE = 'labelflow:instructions';

function appender(audit: unknown): Pick<AuditLedger, 'append'> | undefined {
  const append = audit !== null && typeof audit === 'object' ? (audit as { append?: unknown }).append : undefined;
  return typeof append === 'function' ? (audit as Pick<AuditLedger, 'append'>) : undefined;
}

/**
 * Creates the verifier of an adapter instance. Instructions are registered once per session and name: fixed
 * ones (`signing.instructions`) now, others at the session's first model call; only then are they signed (when
 * `defaults.autosign` covers the name), never on a later call, which would sign tampered text. Every later call
 * is checked against the signature.
 *
 * @example
 * ```ts
 * const verifier = createInstructionsVerifier({ policy, signing: { by: 'user:ann', onTamper: 'flag' }, audit: ledger });
 * const verdict = verifier.beforeModelCall({ session, name: 'system', read: () => systemPrompt });
 * ```
 */
export function createInstructionsVerifier({ policy, signing = {}, audit }: { policy: CompiledPolicy; signing?: SigningOptions; audit?: unknown }): InstructionsVerifier {
  const { by = 'system:app', onTamper = 'deny', instructions: fixed = {}, key, keyDir, sigDir, cwd } = signing;
  const keys = { ...(key === undefined ? {} : { key }), ...(keyDir === undefined ? {} : { keyDir }), ...(sigDir === undefined ? {} : { sigDir }), ...(cwd === undefined ? {} : { cwd }) };
  const ledger = signing.ledger ?? appender(audit);
  const recording = (sessionId: string) => ({ ...(ledger === undefined ? {} : { ledger }), sessionId });
  const served = new Set(Object.keys(fixed));
  // Per session: each name registered, and whether it had text then (a later call without it removed it).
  const registered = new WeakMap<Session, Map<string, boolean>>();
  const flagged = new WeakMap<Session, Set<string>>();

  if (Object.keys(fixed).length > 0) autosignInstructions({ autosign: policy.autosign, instructions: fixed, by, ...keys, ...recording('none') });

  const register = (session: Session, name: string, text: () => string | undefined): Map<string, boolean> => {
    let names = registered.get(session);
    if (names === undefined) registered.set(session, (names = new Map()));
    if (names.has(name)) return names;
    const first = text();
    names.set(name, first !== undefined);
    served.add(name);
    if (first !== undefined && !Object.hasOwn(fixed, name) && autosignCovers(policy.autosign, name)) {
      autosignInstructions({ autosign: policy.autosign, instructions: { [name]: first }, by, ...keys, ...recording(session.id) });
    }
    return names;
  };

  const flag = (session: Session, name: string, text: string): void => {
    let seen = flagged.get(session);
    if (seen === undefined) flagged.set(session, (seen = new Set()));
    const digest = digestValue(text);
    if (seen.has(`${name}\n${digest}`)) return;
    seen.add(`${name}\n${digest}`);
    // The session has no "untrusted instructions" entry point: a result of labelflow's own source is the one that
    // joins the context as `untrusted` whatever the policy's stance, and emits an event (`tool-result`).
    session.recordToolResult({
      toolCallId: `instructions:${name}:${digest.slice(7, 23)}`,
      toolName: TAMPERED_INSTRUCTIONS_SOURCE,
      result: text,
      metadata: { output: { labels: ['untrusted', 'src:system'] } },
    });
  };

  return {
    autoverify: policy.autoverify,
    names: () => [...served],
    beforeModelCall({ session, name, read }) {
      let cached: { readonly value: string | undefined } | undefined;
      const text = () => (cached ??= { value: read() }).value;
      const names = register(session, name, text);
      if (!policy.autoverify) return { type: 'unchecked' };
      const expected = Object.hasOwn(fixed, name) || names.get(name) === true;
      // Instructions that were registered and are now missing count as tampered: checked as empty text.
      const sent = text() ?? (expected ? '' : undefined);
      if (sent === undefined) return { type: 'verified' };
      const check = checkInstructions({ instructions: { [name]: sent }, onTamper, ...keys, ...recording(session.id) });
      if (check.type === 'verified') return { type: 'verified' };
      if (check.action === 'deny') throw new InstructionsTamperedError({ names: check.names, results: check.results, sessionId: session.id });
      flag(session, name, sent);
      return { type: 'flagged', names: check.names };
    },
    verifyTool: (sessionId) => createVerifyTool({ names: [...served], ...keys, ...(sessionId === undefined ? {} : recording(sessionId)) }),
  };
}
