import { realpathSync } from 'node:fs';
import { posix } from 'node:path';

/**
 * Resolves the symbolic links of an absolute, normalised path as far as it exists: the longest existing
 * prefix goes through `fs.realpathSync` and the rest is appended. A path whose prefix cannot be read (no
 * permission) keeps that part as written.
 *
 * @example
 * ```ts
 * realPath('/work/app/link-to-home/.ssh/new-key'); // '/home/u/.ssh/new-key' when link-to-home → /home/u
 * ```
 */
export function realPath(path: string): string {
  let prefix = path;
  const rest: string[] = [];
  for (;;) {
    try {
      const real = realpathSync(prefix);
      return rest.length === 0 ? real : posix.join(real, ...rest.reverse());
    } catch {
      const parent = posix.dirname(prefix);
      if (parent === prefix) return path;
      rest.push(posix.basename(prefix));
      prefix = parent;
    }
  }
}
