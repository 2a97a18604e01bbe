/**
 * The name a command pattern's first token is compared with: the lower-cased basename of the command's first
 * word, so `/usr/bin/git` and `GIT` both read as `git`.
 *
 * @example
 * ```ts
 * commandName('/usr/bin/Git'); // 'git'
 * ```
 */
export function commandName(word: string): string {
  // Both separators: a Windows-style `C:\bin\sudo` must not dodge a `cmd:sudo` danger entry.
  const start = Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1;
  return word.slice(start).toLowerCase();
}
