import { makeDescriptor } from '../labels/descriptor.js';
import { resolveCredential } from './resolve-credential.js';
import type { SessionState } from './session-state.js';

/**
 * Resolves each credential a tool declares in `auth` (`env:VAR` by default) and registers it as a secret, so it
 * reaches `execute` and never the model. Returns the reason of the first that cannot be resolved.
 */
export async function callCredentials(state: SessionState, names: readonly string[]): Promise<Record<string, string> | string> {
  const credentials: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name of names) {
    const source = state.policy.auth.get(name);
    const from = source?.from ?? `env:${name.toUpperCase().replace(/[^A-Z0-9]/gu, '_')}`;
    const resolved = await resolveCredential(
      { name, from },
      { ...(state.options.credentials === undefined ? {} : { provider: state.options.credentials }), ...(state.options.env === undefined ? {} : { env: state.options.env }) },
    );
    if (resolved.type === 'unavailable') return resolved.reason;
    state.run.vault.add(resolved.value, makeDescriptor({ labels: ['secret'], taint: [`src:credential:${name}`], sources: [`auth:${name}`] }));
    credentials[name] = resolved.value;
  }
  return credentials;
}
