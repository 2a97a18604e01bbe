import { posix } from 'node:path';

/** Where `~` and relative paths point. `undefined` means it could not be determined (fail closed at the caller). */
export interface PathContext {
  readonly homeDir: string | undefined;
  readonly cwd: string | undefined;
}

/**
 * A filesystem glob made absolute, with its specificity (path segments containing no glob characters). When the
 * glob needs a directory that is unknown, `anywhere` is the same glob under `**`, for lists that must over-match.
 */
export type ExpandedGlob =
  | { readonly type: 'glob'; readonly glob: string; readonly specificity: number }
  | { readonly type: 'unknown-base'; readonly anywhere: string; readonly specificity: number };

const GLOB_SEGMENT = /[*?[\]{}]|[!+@](?=\()/u;

/**
 * Makes a path from a tool call absolute: `~` and `~/…` become the home directory and relative paths resolve
 * against the working directory, with `.`, `..` and repeated or trailing slashes removed.
 *
 * @example
 * ```ts
 * expandPath('~/.ssh/../.ssh/id_rsa', { homeDir: '/home/u', cwd: '/work/app' }); // '/home/u/.ssh/id_rsa'
 * ```
 */
export function expandPath(path: string, { homeDir, cwd }: PathContext): string {
  // `~` is expanded even though callers pass absolute paths: many tools expand it, and `~/.ssh/id_rsa` must not
  // slip past the danger list by being resolved as `<cwd>/~/.ssh/id_rsa`.
  const home = path === '~' || path.startsWith('~/');
  const base = home ? homeDir : cwd;
  const rest = home ? `.${path.slice(1)}` : path;
  if (posix.isAbsolute(rest)) return posix.resolve(rest);
  // Without a base the path stays relative: absolute allow globs then cannot match it, and `**/…` deny globs can.
  return base === undefined ? posix.normalize(rest).replace(/(.)\/$/u, '$1') : posix.resolve(base, rest);
}

/**
 * Makes a filesystem glob absolute the way `expandPath` does for paths. Globs starting with `**` stay as they are
 * (they match anywhere), and `*` alone means everything, as in mlld. The home and working directories are
 * escaped, so glob characters in their names are literal.
 *
 * @example
 * ```ts
 * expandGlob('./src/**', { homeDir: '/home/u', cwd: '/work/app' }); // { type: 'glob', glob: '/work/app/src/**', specificity: 3 }
 * ```
 */
export function expandGlob(glob: string, { homeDir, cwd }: PathContext): ExpandedGlob {
  if (glob === '*' || glob === '**') return { type: 'glob', glob: '**', specificity: 0 };
  if (glob.startsWith('**')) return { type: 'glob', glob, specificity: countLiteralSegments(glob) };
  const home = glob === '~' || glob.startsWith('~/');
  const absolute = glob.startsWith('/');
  const base = home ? homeDir : absolute ? '' : cwd;
  const rest = home ? glob.slice(1) : absolute ? glob : `/${glob}`;
  if (base === undefined) {
    const anywhere = `**${rest === '' ? '' : posix.normalize(rest)}`.replace(/(.)\/$/u, '$1');
    return { type: 'unknown-base', anywhere, specificity: countLiteralSegments(rest) };
  }
  const joined = posix.normalize(`${escapeGlob(base)}${rest}`).replace(/(.)\/$/u, '$1');
  return { type: 'glob', glob: joined, specificity: countLiteralSegments(joined) };
}

// minimatch.escape leaves braces alone, and brace expansion would turn a `{a,b}` directory name into two paths.
function escapeGlob(path: string): string {
  return path.replace(/[?*()[\]{}]/gu, '\\$&');
}

function countLiteralSegments(glob: string): number {
  let count = 0;
  for (const segment of glob.split('/')) {
    if (segment !== '' && segment !== '.' && segment !== '..' && !GLOB_SEGMENT.test(segment.replace(/\\./gu, ''))) count += 1;
  }
  return count;
}
