import { readFileSync } from 'node:fs';

/** Where a credential comes from: `env:VAR`, `file:/path`, or `<provider>:<reference>` for a custom provider. */
export interface CredentialReference {
  /** The credential's name as tools declare it in `auth`. */
  readonly name: string;
  readonly from: string;
}

/**
 * Resolves credentials a built-in provider does not know (`vault:kv/github`, `keychain:…`). Return `undefined`
 * when the credential does not exist.
 */
export type CredentialProvider = (reference: CredentialReference) => string | undefined | Promise<string | undefined>;

/** The outcome of resolving one credential. */
export type CredentialResolution =
  | { readonly type: 'resolved'; readonly value: string }
  | { readonly type: 'unavailable'; readonly reason: string };

/**
 * Resolves one credential: `env:VAR` from the environment, `file:/path` from a file (trimmed), anything else
 * through the custom provider. Never throws: a failure is returned as `unavailable`, and the engine denies the
 * call that needed it.
 *
 * @example
 * ```ts
 * await resolveCredential({ name: 'github', from: 'env:GITHUB_TOKEN' }); // { type: 'resolved', value: '…' }
 * ```
 */
export async function resolveCredential(
  reference: CredentialReference,
  { provider, env = process.env }: { provider?: CredentialProvider; env?: NodeJS.ProcessEnv } = {},
): Promise<CredentialResolution> {
  const separator = reference.from.indexOf(':');
  const scheme = separator < 0 ? '' : reference.from.slice(0, separator);
  const target = separator < 0 ? reference.from : reference.from.slice(separator + 1);
  try {
    let value: string | undefined;
    if (scheme === 'env') value = Object.hasOwn(env, target) ? env[target] : undefined;
    else if (scheme === 'file') value = readFileSync(target, 'utf8').trim();
    else if (provider !== undefined) value = await provider(reference);
    else return { type: 'unavailable', reason: `no provider for \`${reference.from}\`: pass \`credentials\` to createSession` };
    if (value === undefined || value === '') return { type: 'unavailable', reason: `credential \`${reference.name}\` (\`${reference.from}\`) is not set` };
    return { type: 'resolved', value };
  } catch (error) {
    // Fail closed: a provider that fails means the tool runs without its credential, so it does not run.
    const reason = error instanceof Error ? error.message : String(error);
    return { type: 'unavailable', reason: `credential \`${reference.name}\` could not be read: ${reason}` };
  }
}
