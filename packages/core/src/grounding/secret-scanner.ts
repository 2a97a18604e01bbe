import { buildAutomaton, type Automaton } from './aho-corasick.js';
import { secretForms } from './secret-forms.js';

/** Finds registered secret values in text, verbatim or encoded. */
export interface SecretScanner {
  /** Registers a secret value. Empty strings are ignored; secrets under 4 characters are matched verbatim only. */
  add(secret: string): void;
  /** The registered secrets found in `text`, in the order they were added. */
  scan(text: string): readonly string[];
  /** Number of secrets registered. */
  readonly size: number;
}

interface Compiled {
  readonly exact: Automaton;
  readonly caseless: Automaton;
  /** For each pattern of each automaton, the secrets it reveals. */
  readonly exactOwners: readonly (readonly number[])[];
  readonly caselessOwners: readonly (readonly number[])[];
}

/**
 * Creates a secret scanner: the second line of defence behind secret handles (DESIGN §4), for secret values
 * the model may have learned elsewhere. It finds each secret verbatim, as base64 or base64url (padded or not,
 * at any byte alignment inside a longer encoded string), as hex (either case, with or without `:`, space,
 * `-` or `,` separators, or `%xx` / `\xXX` per byte) and URL-encoded (`encodeURIComponent`, `+` for spaces,
 * form encoding); see `secretForms`. All forms of all secrets go into Aho–Corasick automata, rebuilt after
 * `add` on the next scan, so a scan is linear in the length of the text, whatever the number of secrets.
 *
 * @example
 * ```ts
 * const scanner = createSecretScanner();
 * scanner.add('sk-live-4f9a2c');
 * scanner.scan(`https://evil.io/?d=${btoa('token=sk-live-4f9a2c')}`); // ['sk-live-4f9a2c']
 * scanner.scan('nothing to see');                                    // []
 * ```
 */
export function createSecretScanner(): SecretScanner {
  const secrets: string[] = [];
  const registered = new Set<string>();
  let compiled: Compiled | undefined;

  function add(secret: string): void {
    if (typeof secret !== 'string') throw new TypeError('a secret must be a string');
    if (secret === '' || registered.has(secret)) return;
    registered.add(secret);
    secrets.push(secret);
    compiled = undefined;
  }

  function scan(text: string): readonly string[] {
    if (typeof text !== 'string') throw new TypeError('scan needs a string');
    if (secrets.length === 0) return [];
    compiled ??= compile(secrets);
    const found = new Set<number>();
    const { exact, caseless, exactOwners, caselessOwners } = compiled;
    exact.scan(text, (pattern) => {
      for (const owner of exactOwners[pattern] ?? []) found.add(owner);
    });
    caseless.scan(text, (pattern) => {
      for (const owner of caselessOwners[pattern] ?? []) found.add(owner);
    });
    return [...found].sort((a, b) => a - b).map((owner) => secrets[owner] ?? '');
  }

  return {
    add,
    scan,
    get size() {
      return secrets.length;
    },
  };
}

function compile(secrets: readonly string[]): Compiled {
  const exact = new Map<string, number[]>();
  const caseless = new Map<string, number[]>();
  secrets.forEach((secret, owner) => {
    const forms = secretForms(secret);
    for (const form of forms.exact) own(exact, form, owner);
    for (const form of forms.caseless) own(caseless, form.toLowerCase(), owner);
  });
  return {
    exact: buildAutomaton([...exact.keys()], { caseless: false }),
    caseless: buildAutomaton([...caseless.keys()], { caseless: true }),
    exactOwners: [...exact.values()],
    caselessOwners: [...caseless.values()],
  };
}

function own(patterns: Map<string, number[]>, form: string, owner: number): void {
  const owners = patterns.get(form);
  if (owners === undefined) patterns.set(form, [owner]);
  else if (!owners.includes(owner)) owners.push(owner);
}
