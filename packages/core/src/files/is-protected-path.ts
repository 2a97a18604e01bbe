import { checkCapabilities } from '../capabilities/check-capabilities.js';
import { compileCapabilities } from '../capabilities/compile-capabilities.js';
import type { CompiledCapabilities } from '../capabilities/capability-types.js';

const compiled = new Map<string, CompiledCapabilities>();

/**
 * True when the built-in danger list protects this absolute path for this mode (`~/.ssh/**`, `**\/.env*`,
 * `**\/*.pem`, shell start-up files for writes…): the same list, matched the same way, as the capability check.
 * A file tool reads such a file only when the policy's `danger` list opened it, and labels its content `secret`.
 *
 * @example
 * ```ts
 * isProtectedPath('/home/u/.ssh/id_rsa', 'r', { homeDir: '/home/u' }); // true
 * ```
 */
export function isProtectedPath(path: string, mode: 'r' | 'w', { homeDir }: { homeDir: string | undefined }): boolean {
  const key = homeDir ?? '\u0000';
  let capabilities = compiled.get(key);
  if (capabilities === undefined) {
    capabilities = compileCapabilities({}, { ...(homeDir === undefined ? {} : { homeDir }), cwd: '/' });
    compiled.set(key, capabilities);
  }
  return checkCapabilities(capabilities, { tool: 'labelflow-file', paths: [{ mode, path }] })?.ruleId === 'capabilities.danger';
}
