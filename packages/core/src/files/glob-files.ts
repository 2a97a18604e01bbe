import { existsSync, readdirSync } from 'node:fs';
import { posix } from 'node:path';
import { minimatch } from 'minimatch';

/** Matches one glob may expand to before the analysis refuses it. */
export const MAX_GLOB_MATCHES = 1000;

const GLOB_CHARS = /(?<!\\)[*?[]/u;

/**
 * Expands an absolute glob against the filesystem, segment by segment, the way a shell would, except that
 * wildcards also match names starting with `.` (over-matching is the safe direction for a check). Returns the
 * existing matches (none when nothing matches: the shell then passes the pattern as it is), or `undefined` when
 * there are more than `limit`.
 *
 * @example
 * ```ts
 * globFiles('/work/app/src/*.ts'); // ['/work/app/src/a.ts', '/work/app/src/b.ts']
 * ```
 */
export function globFiles(pattern: string, { limit = MAX_GLOB_MATCHES }: { limit?: number } = {}): string[] | undefined {
  let current = ['/'];
  for (const segment of pattern.split('/').filter((part) => part !== '')) {
    const next: string[] = [];
    for (const directory of current) {
      if (!GLOB_CHARS.test(segment)) {
        const path = posix.join(directory, segment.replace(/\\(.)/gu, '$1'));
        // Like the shell: a pattern expands only to files that exist.
        if (existsSync(path)) next.push(path);
        continue;
      }
      for (const name of listNames(directory)) {
        if (minimatch(name, segment, { dot: true, nonegate: true, nocomment: true, noext: true })) next.push(posix.join(directory, name));
        if (next.length > limit) return undefined;
      }
    }
    current = next;
  }
  return current;
}

function listNames(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    // An unreadable directory contributes no matches: the shell would not see inside it either.
    return [];
  }
}
