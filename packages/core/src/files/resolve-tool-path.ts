import { posix } from 'node:path';
import { realPath } from './real-path.js';

/** A path a file tool was given, resolved: inside one of its roots, or refused with the reason. */
export type ResolvedToolPath =
  | {
      readonly type: 'inside';
      /** Absolute and normalised (`~` expanded, `..` and repeated slashes removed). */
      readonly path: string;
      /** `path` with its symbolic links resolved as far as it exists: the file that is really touched. */
      readonly real: string;
      /** `real` relative to the root it is in (`.` for the root itself). */
      readonly relative: string;
    }
  | { readonly type: 'outside'; readonly path: string; readonly real: string; readonly reason: string };

/** Where a file tool may work: relative paths resolve against `root`; every access must stay inside `roots`. */
export interface ToolPathOptions {
  readonly root: string;
  readonly roots: readonly string[];
  readonly homeDir: string | undefined;
}

/**
 * Resolves a path given to a file tool: `~` and `~/…` become the home directory, relative paths resolve
 * against the root, `..`, `.` and repeated separators are removed, then symbolic links are resolved as far as
 * the path exists. The result is inside when the real path is inside the real path of one of the roots, so a
 * symbolic link cannot lead out of them.
 *
 * @example
 * ```ts
 * resolveToolPath('../../etc/passwd', { root: '/work/app', roots: ['/work/app'], homeDir: '/home/u' });
 * // { type: 'outside', path: '/etc/passwd', real: '/etc/passwd', reason: 'path `../../etc/passwd` is outside the allowed roots …' }
 * ```
 */
export function resolveToolPath(input: string, { root, roots, homeDir }: ToolPathOptions): ResolvedToolPath {
  const home = input === '~' || input.startsWith('~/');
  if (input.includes('\u0000')) return { type: 'outside', path: input, real: input, reason: 'the path contains a NUL character' };
  if (home && homeDir === undefined) return { type: 'outside', path: input, real: input, reason: 'the path starts with `~` but the home directory is unknown' };
  const path = home ? posix.resolve(homeDir as string, `.${input.slice(1)}`) : posix.resolve(root, input);
  const real = realPath(path);
  for (const allowed of roots) {
    const realRoot = realPath(posix.resolve(allowed));
    if (real === realRoot || real.startsWith(realRoot === '/' ? '/' : `${realRoot}/`)) {
      return { type: 'inside', path, real, relative: posix.relative(realRoot, real) || '.' };
    }
  }
  const via = real === path ? '' : ` (it leads to \`${real}\`)`;
  return { type: 'outside', path, real, reason: `path \`${input}\`${via} is outside the allowed roots \`${roots.join('`, `')}\`` };
}
