import { isDigitCode, isJoinerAt, isWordCode } from './char-class.js';
import { wordHashEnd, wordHashStep } from './word-hash.js';

/** Flag: the token is glued to the previous one by joiners only (`A-12`, `ann@corp`). */
export const JOINED_PREVIOUS = 1;
/** Flag: the token starts with a digit right after a `-` or `+` sign. */
export const SIGNED = 2;
/** Flag: the token is glued to the next one by joiners only. */
export const JOINED_NEXT = 4;
/** Flag: the token starts with an ASCII digit. */
export const DIGIT_FIRST = 8;

/** The words of a text: maximal runs of word characters, as parallel arrays of offsets, flags and hashes. */
export interface Tokens {
  readonly count: number;
  /** Word `i` is `text.slice(starts[i], ends[i])` for `i < count`; the arrays may be longer than `count`. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Uint8Array;
  /** `hashWord(text, starts[i], ends[i], seed)`, computed while reading the word. */
  readonly hashes: Int32Array;
  readonly seed: number;
}

/** Storage `tokenize` reuses from one text to the next, so that indexing allocates nothing per text. */
export interface TokenBuffer {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  hashes: Int32Array;
  seed: number;
}

/** A buffer for `tokenize`; it grows as needed. */
export function createTokenBuffer(capacity = 64): TokenBuffer {
  const size = Math.max(16, capacity);
  const [starts, ends, hashes] = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  return { count: 0, starts, ends, flags: new Uint8Array(size), hashes, seed: 0 };
}

/**
 * Splits a text into its words (maximal runs of letters, digits and marks) in one pass, hashing each (see
 * `hashWord`, under `seed`) and recording whether a whole value may start or end there (see `isLeftBoundary`
 * / `isRightBoundary`): a word glued to its neighbour by joiners, or a digit-led word after a sign, cannot be
 * the edge of a value. With `buffer`, the words are written into it (valid until its next use) and it is
 * returned; without, the arrays are exactly `count` long.
 *
 * @example
 * ```ts
 * const tokens = tokenize('id A-12, ok');
 * tokens.count;                            // 4 ('id', 'A', '12', 'ok')
 * (tokens.flags[2] ?? 0) & JOINED_PREVIOUS; // 1
 * ```
 */
export function tokenize(text: string, buffer?: TokenBuffer, seed = 0): Tokens {
  const into = buffer ?? createTokenBuffer(16);
  into.seed = seed;
  const length = text.length;
  let { starts, ends, flags, hashes } = into;
  let count = 0;
  let index = 0;
  while (index < length) {
    let code = text.charCodeAt(index);
    if (!isWordCode(code)) {
      index += 1;
      continue;
    }
    const start = index;
    let hash = seed;
    do {
      hash = wordHashStep(hash, code);
      index += 1;
      if (index === length) break;
      code = text.charCodeAt(index);
    } while (isWordCode(code));
    if (count === starts.length) {
      grow(into);
      ({ starts, ends, flags, hashes } = into);
    }
    let flag = 0;
    if (count > 0 && joinedBetween(text, ends[count - 1] as number, start)) {
      flag = JOINED_PREVIOUS;
      flags[count - 1] = (flags[count - 1] as number) | JOINED_NEXT;
    }
    if (isDigitCode(text.charCodeAt(start))) {
      flag |= DIGIT_FIRST;
      const before = text.charCodeAt(start - 1);
      if (before === 0x2d || before === 0x2b) flag |= SIGNED;
    }
    starts[count] = start;
    ends[count] = index;
    flags[count] = flag;
    hashes[count] = wordHashEnd(hash, index - start);
    count += 1;
  }
  into.count = count;
  if (buffer !== undefined) return buffer;
  const exact = (array: Int32Array): Int32Array => array.slice(0, count);
  return { count, starts: exact(starts), ends: exact(ends), flags: flags.slice(0, count), hashes: exact(hashes), seed };
}

function grow(buffer: TokenBuffer): void {
  const capacity = buffer.starts.length * 2;
  buffer.starts = copied(buffer.starts, new Int32Array(capacity));
  buffer.ends = copied(buffer.ends, new Int32Array(capacity));
  buffer.flags = copied(buffer.flags, new Uint8Array(capacity));
  buffer.hashes = copied(buffer.hashes, new Int32Array(capacity));
}

function copied<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
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
