import { posix } from 'node:path';
import type { Invocation } from './command-analysis.js';

// Programs whose dangerous spellings the danger list matches word by word.
const NORMALISED = new Set(['rm', 'chmod', 'chown', 'chgrp']);
// GNU long options accept any unambiguous prefix: `rm --rec --f` is `rm --recursive --force`.
const RM_LONG = ['--recursive', '--force', '--no-preserve-root', '--one-file-system', '--preserve-root', '--interactive', '--dir', '--verbose'];

/**
 * The word lists capability patterns should see for one invocation: its words, plus, for `rm`, `chmod`,
 * `chown` and `chgrp`, a normalised copy when it differs (combined short flags split, `rm` long-option prefixes
 * completed, `~/`, `$HOME` and the home directory written as `~`, repeated and trailing slashes removed), so
 * that `rm -rv ~/` meets the same danger entries as `rm -r -v ~`.
 *
 * @example
 * ```ts
 * commandVariants({ bin: 'rm', words: ['rm', '-Rf', '$HOME/'], via: [], input: 'none', risks: [] }, { homeDir: '/home/u' });
 * // [['rm', '-Rf', '$HOME/'], ['rm', '-R', '-f', '~']]
 * ```
 */
export function commandVariants(invocation: Invocation, { homeDir }: { homeDir: string | undefined }): string[][] {
  const words = [...invocation.words];
  if (!NORMALISED.has(invocation.bin)) return [words];
  const [name = '', ...args] = words;
  const normalised = [name, ...args.flatMap((arg) => normaliseArgument(arg, invocation.bin, homeDir))];
  return normalised.join('\u0000') === words.join('\u0000') ? [words] : [words, normalised];
}

function normaliseArgument(arg: string, bin: string, homeDir: string | undefined): string[] {
  if (/^-[A-Za-z]{2,}$/u.test(arg)) return [...arg.slice(1)].map((flag) => `-${flag}`);
  if (bin === 'rm' && arg.startsWith('--') && arg.length > 2) {
    const matches = RM_LONG.filter((option) => option.startsWith(arg));
    return [matches.length === 1 ? (matches[0] as string) : arg];
  }
  if (arg.startsWith('-')) return [arg];
  let path = arg.replace(/^(?:\$HOME|\$\{HOME\})(?=\/|$)/u, '~');
  if (homeDir !== undefined && homeDir !== '/' && (path === homeDir || path.startsWith(`${homeDir}/`))) path = `~${path.slice(homeDir.length)}`;
  if (path.startsWith('/')) path = posix.normalize(path);
  else if (path === '~' || path.startsWith('~/')) path = `~${posix.normalize(`/${path.slice(2)}`)}`;
  return [path.length > 1 ? path.replace(/\/+$/u, '') : path];
}
