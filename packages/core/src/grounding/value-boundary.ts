import { isDigitCode, isJoinerAt, isPhoneSeparatorCode, isWordCode } from './char-class.js';
import type { ValueKind } from './value-kind.js';

/**
 * True when a whole value of `kind` may start at `start` in `text`: the characters just before it cannot
 * continue it. That is: the previous character is not a word character; a run of joiners
 * (`_ - . / \ @ : # + % ~`, `,` between digits) before it does not follow a word character (`A-12` does not
 * start inside `xA-12`); a value that starts with a digit does not follow a sign (`-`, `+`: `3` does not start
 * inside `-3`); and a phone number does not follow phone separators (whitespace, `-`, `.`, `(`, `)`, `+`)
 * that follow a digit (`7946 0958` does not start inside `020 7946 0958`).
 *
 * @example
 * ```ts
 * isLeftBoundary('joann@corp.io', 2, 'email'); // false
 * isLeftBoundary('(40)', 1, 'number');         // true
 * ```
 */
export function isLeftBoundary(text: string, start: number, kind: ValueKind): boolean {
  if (start <= 0) return true;
  const previous = text.charCodeAt(start - 1);
  if (isWordCode(previous)) return false;
  if ((previous === 0x2d || previous === 0x2b) && isDigitCode(text.charCodeAt(start))) return false;
  let index = start - 1;
  while (index >= 0 && isJoinerAt(text, index)) index -= 1;
  if (index < start - 1 && index >= 0 && isWordCode(text.charCodeAt(index))) return false;
  if (kind !== 'phone') return true;
  index = start - 1;
  while (index >= 0 && (isPhoneSeparatorCode(text.charCodeAt(index)) || text.charCodeAt(index) === 0x2b)) index -= 1;
  return !(index < start - 1 && index >= 0 && isDigitCode(text.charCodeAt(index)));
}

/**
 * True when a whole value of `kind` may end at `end` (exclusive) in `text`: the next character is not a word
 * character; a run of joiners after it is not followed by a word character (`40.` ends a sentence, `40.5`
 * continues the number); and a phone number is not followed by phone separators and another digit.
 *
 * @example
 * ```ts
 * isRightBoundary('refund 40.', 9, 'number');  // true
 * isRightBoundary('A-123', 4, 'text');         // false
 * ```
 */
export function isRightBoundary(text: string, end: number, kind: ValueKind): boolean {
  if (end >= text.length) return true;
  if (isWordCode(text.charCodeAt(end))) return false;
  let index = end;
  while (index < text.length && isJoinerAt(text, index)) index += 1;
  if (index > end && index < text.length && isWordCode(text.charCodeAt(index))) return false;
  if (kind !== 'phone') return true;
  index = end;
  while (index < text.length && isPhoneSeparatorCode(text.charCodeAt(index))) index += 1;
  return !(index > end && index < text.length && isDigitCode(text.charCodeAt(index)));
}
