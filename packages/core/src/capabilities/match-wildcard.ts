/** One element of a wildcard pattern: `run` matches any run of elements (none included), `one` exactly one. */
export type WildcardToken<T> =
  | { readonly type: 'run' }
  | { readonly type: 'one' }
  | { readonly type: 'literal'; readonly value: T };

/**
 * True when `subject` matches `pattern` as a whole, comparing literals with `===`. Tool globs use it over code
 * points and command patterns over words.
 *
 * @example
 * ```ts
 * const RUN = { type: 'run' } as const;
 * matchWildcard([{ type: 'literal', value: 'git' }, RUN], ['git', 'push']); // true
 * ```
 */
export function matchWildcard<T>(pattern: readonly WildcardToken<T>[], subject: readonly T[]): boolean {
  // Greedy scan that backtracks only to the last `run`: O(pattern × subject) at worst, so a hostile subject
  // cannot trigger the exponential backtracking a naive recursion (or a RegExp with many `.*`) would.
  let p = 0;
  let s = 0;
  let lastRun = -1;
  let resumeAt = 0;
  while (s < subject.length) {
    const token = pattern[p];
    if (token?.type === 'run') {
      lastRun = p;
      resumeAt = s;
      p += 1;
      continue;
    }
    if (token !== undefined && (token.type === 'one' || token.value === subject[s])) {
      p += 1;
      s += 1;
      continue;
    }
    if (lastRun === -1) return false;
    p = lastRun + 1;
    resumeAt += 1;
    s = resumeAt;
  }
  while (pattern[p]?.type === 'run') p += 1;
  return p === pattern.length;
}
