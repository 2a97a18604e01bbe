import { Minimatch } from 'minimatch';

/** Brace expansions one filesystem glob may produce. minimatch stops at its limit silently, which would drop paths. */
export const MAX_GLOB_EXPANSIONS = 256;

/**
 * Compiles a filesystem glob with the options every capability check uses (`dot: true`, no negation, no
 * comments), or returns `undefined` when it cannot be compiled whole: minimatch threw, or brace expansion
 * reached `MAX_GLOB_EXPANSIONS` and would have been cut short.
 *
 * @example
 * ```ts
 * compileGlob('/home/u/.ssh/**', { nocase: true })?.match('/home/u/.SSH/id_rsa'); // true
 * compileGlob('/{a,b}'.repeat(10), { nocase: false });                              // undefined
 * ```
 */
export function compileGlob(glob: string, { nocase }: { nocase: boolean }): Minimatch | undefined {
  try {
    const compiled = new Minimatch(glob, { dot: true, nonegate: true, nocomment: true, nocase, braceExpandMax: MAX_GLOB_EXPANSIONS });
    return compiled.set.length > 0 && compiled.set.length < MAX_GLOB_EXPANSIONS ? compiled : undefined;
  } catch {
    return undefined;
  }
}
