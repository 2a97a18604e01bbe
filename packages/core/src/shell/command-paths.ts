import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { globFiles } from '../files/glob-files.js';
import { realPath } from '../files/real-path.js';
import type { FileArgument, ParsedCommand } from './command-analysis.js';
import { isRemoteOperand } from './network-destinations.js';
import type { ShellWord } from './shell-word.js';

/** A file a command may touch: absolute, normalised, and with symbolic links resolved where they exist. */
export interface CommandPath {
  readonly mode: 'r' | 'w';
  readonly path: string;
}

/** The files of a command, or why they cannot be known. */
export type CommandPaths = { readonly type: 'paths'; readonly paths: readonly CommandPath[] } | { readonly type: 'uncertain'; readonly reason: string };

/** Where relative paths and `~` point. */
export interface CommandPathOptions {
  readonly cwd: string;
  readonly homeDir: string;
}

// Devices every command may use; checking them against fs allow-lists would only get in the way.
const HARMLESS_DEVICES = new Set(['/dev/null', '/dev/zero', '/dev/random', '/dev/urandom', '/dev/stdin', '/dev/stdout', '/dev/stderr', '/dev/tty']);
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//iu;
const REDIRECT = /^[<>&]/u;
const MAX_DIRECTORIES = 16;

/**
 * The files a parsed command may read or write, for `operation.paths`: redirection targets, and every argument
 * that looks like a path (has a `/`, starts with `~` or `.`), is a glob (expanded against the filesystem), or
 * names an existing file. Relative paths resolve against the working directory and against every directory the
 * command changes into; each path is given as written (normalised) and with its symbolic links resolved. A
 * glob with too many matches, or too many directory changes, is uncertain.
 *
 * @example
 * ```ts
 * commandPaths(parsed('cat ~/.ssh/id_rsa > out.txt'), { cwd: '/work/app', homeDir: '/home/u' });
 * // { type: 'paths', paths: [{ mode: 'r', path: '/home/u/.ssh/id_rsa' }, { mode: 'w', path: '/work/app/out.txt' }] }
 * ```
 */
export function commandPaths(analysis: ParsedCommand, { cwd, homeDir }: CommandPathOptions): CommandPaths {
  const directories = [posix.resolve(cwd)];
  for (const word of analysis.directories) {
    for (const base of [...directories]) for (const path of absolute(word, base, homeDir)) if (!directories.includes(path)) directories.push(path);
    if (directories.length > MAX_DIRECTORIES) return { type: 'uncertain', reason: `the command changes into more than ${MAX_DIRECTORIES} directories` };
  }
  const found = new Map<string, CommandPath>();
  const add = (mode: 'r' | 'w', path: string) => {
    if (HARMLESS_DEVICES.has(path) || path.startsWith('/dev/fd/')) return;
    for (const each of new Set([path, realPath(path)])) found.set(`${mode}:${each}`, Object.freeze({ mode, path: each }));
  };
  for (const file of [...analysis.files, ...analysis.executes.map((word): FileArgument => ({ bin: '', word, mode: 'r' }))]) {
    for (const text of candidates(file)) {
      const word = { ...file.word, value: text };
      for (const base of directories) {
        const paths = pathsOf(word, file, base, homeDir);
        if (paths === undefined) return { type: 'uncertain', reason: `\`${file.word.source}\` matches too many files` };
        for (const path of paths) {
          if (file.mode !== 'w') add('r', path);
          if (file.mode !== 'r') add('w', path);
        }
      }
    }
  }
  return { type: 'paths', paths: Object.freeze([...found.values()]) };
}

// `curl -d @file` reads `file`; URLs and `host:path` operands of network tools are not local files.
function candidates(file: FileArgument): string[] {
  const text = file.word.value;
  if (text === undefined || text === '' || text === '-' || URL_LIKE.test(text)) return [];
  if (['scp', 'rsync', 'sftp'].includes(file.bin) && isRemoteOperand(text)) return [];
  return text.startsWith('@') && text.length > 1 ? [text, text.slice(1)] : [text];
}

function pathsOf(word: ShellWord, file: FileArgument, base: string, homeDir: string): string[] | undefined {
  const text = word.value as string;
  // Redirection targets and files a program is known to write are files even when they do not exist yet.
  const pathLike = REDIRECT.test(file.bin) || file.mode === 'w' || text.includes('/') || text.startsWith('~') || text.startsWith('.');
  if (word.glob !== undefined) {
    const pattern = word.glob.startsWith('/') ? word.glob : word.home && word.glob.startsWith('~') ? `${escapeGlob(homeDir)}${word.glob.slice(1)}` : `${escapeGlob(base)}/${word.glob}`;
    const matches = globFiles(posix.normalize(pattern));
    if (matches === undefined) return undefined;
    // The pattern itself too: a danger glob (`**/id_*`) may match it even when no file does yet.
    return [...absolute(word, base, homeDir), ...matches];
  }
  const paths = absolute(word, base, homeDir);
  return pathLike || paths.some((path) => existsSync(path)) ? paths : [];
}

function absolute(word: ShellWord, base: string, homeDir: string): string[] {
  const text = word.value;
  if (text === undefined || text === '') return [];
  if (word.home && (text === '~' || text.startsWith('~/'))) return [posix.resolve(homeDir, `.${text.slice(1)}`)];
  return [posix.resolve(base, text)];
}

function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!+@\\]/gu, '\\$&');
}
