import { isDigitCode, isJoinerAt, isWordCode } from './char-class.js';

/** Flag: the token is glued to the previous one by joiners only (`A-12`, `ann@corp`). */
export const JOINED_PREVIOUS = 1;
/** Flag: the token starts with a digit right after a `-` or `+` sign. */
export const SIGNED = 2;
/** Flag: the token is glued to the next one by joiners only. */
export const JOINED_NEXT = 4;

/** The words of a text: maximal runs of word characters, as parallel arrays of offsets and flags. */
export interface Tokens {
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Uint8Array;
}

/**
 * Splits a text into its words (maximal runs of letters, digits and marks) in one pass, and records for
 * each word whether a whole value may start or end there (see `isLeftBoundary` / `isRightBoundary`): a word
 * glued to its neighbour by joiners, or a digit-led word after a sign, cannot be the edge of a value.
 *
 * @example
 * ```ts
 * const tokens = tokenize('id A-12, ok');
 * tokens.count;                            // 4 ('id', 'A', '12', 'ok')
 * (tokens.flags[2] ?? 0) & JOINED_PREVIOUS; // 1
 * ```
 */
export function tokenize(text: string): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const flags: number[] = [];
  let index = 0;
  while (index < text.length) {
    if (!isWordCode(text.charCodeAt(index))) {
      index += 1;
      continue;
    }
    const start = index;
    while (index < text.length && isWordCode(text.charCodeAt(index))) index += 1;
    let flag = 0;
    const previous = starts.length - 1;
    if (previous >= 0 && joinedBetween(text, ends[previous] ?? 0, start)) {
      flag |= JOINED_PREVIOUS;
      flags[previous] = (flags[previous] ?? 0) | JOINED_NEXT;
    }
    const before = text.charCodeAt(start - 1);
    if ((before === 0x2d || before === 0x2b) && isDigitCode(text.charCodeAt(start))) flag |= SIGNED;
    starts.push(start);
    ends.push(index);
    flags.push(flag);
  }
  return { count: starts.length, starts: Int32Array.from(starts), ends: Int32Array.from(ends), flags: Uint8Array.from(flags) };
}

function joinedBetween(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) if (!isJoinerAt(text, index)) return false;
  return true;
}

/** True when a whole value may start at token `token` (it is not glued to the previous word or a sign). */
export function tokenStartsValue(tokens: Tokens, token: number): boolean {
  return ((tokens.flags[token] ?? 0) & (JOINED_PREVIOUS | SIGNED)) === 0;
}

/** True when a whole value may end at token `token` (it is not glued to the next word). */
export function tokenEndsValue(tokens: Tokens, token: number): boolean {
  return ((tokens.flags[token] ?? 0) & JOINED_NEXT) === 0;
}
