import type { Assignment, Word } from './shell-syntax.js';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/u;

/**
 * Reads a word as an assignment (`NAME=value`, or bash's `NAME+=value`) when it is one: its name is unquoted
 * and its value keeps the word's parts, with a leading `~` read as the home directory.
 *
 * @example
 * ```ts
 * assignmentOf(word('X=~/bin'))?.value.parts[0]; // { type: 'tilde' }
 * ```
 */
export function assignmentOf(word: Word): Assignment | undefined {
  const [first, ...rest] = word.parts;
  if (first?.type !== 'literal' || first.quoted) return undefined;
  const match = ASSIGNMENT.exec(first.text);
  if (match === null) return undefined;
  const remainder = first.text.slice(match[0].length);
  const head = remainder === '' ? [] : remainder.startsWith('~') && (remainder.length === 1 || remainder[1] === '/')
    ? [{ type: 'tilde' as const }, ...(remainder.length > 1 ? [{ type: 'literal' as const, text: remainder.slice(1), quoted: false }] : [])]
    : [{ type: 'literal' as const, text: remainder, quoted: false }];
  return { name: match[1] as string, append: match[2] === '+', value: { parts: [...head, ...rest], source: word.source.slice(match[0].length) } };
}
