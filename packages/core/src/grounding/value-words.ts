import { isWordCode } from './char-class.js';
import { hashWord } from './word-hash.js';

/** The words of a value being looked up, as parallel arrays; valid until the next `readValueWords`. */
export interface ValueWords {
  readonly count: number;
  readonly hashes: Int32Array;
  readonly starts: Int32Array;
  /** What `probe` answered for each word. */
  readonly slots: Int32Array;
}

const NO_INTS = new Int32Array(0);
// One set of arrays for every lookup: lookups are synchronous and never re-entered.
const words = { count: 0, hashes: NO_INTS, starts: NO_INTS, slots: NO_INTS };

/**
 * Reads the words of `value`, hashing each under `seed` and probing it as soon as it is read: at the first word
 * for which `probe` answers -1 (no text holds it), reading stops and the count is 0, so a long value with a
 * word no fragment holds costs only the words before it.
 *
 * @example
 * ```ts
 * readValueWords('Riverside View', 7, (hash) => table.find(hash)).count; // 2, or 0 if either is absent
 * ```
 */
export function readValueWords(value: string, seed: number, probe: (hash: number) => number): ValueWords {
  words.count = 0;
  let index = 0;
  while (index < value.length) {
    if (!isWordCode(value.charCodeAt(index))) {
      index += 1;
      continue;
    }
    const start = index;
    index += 1;
    while (index < value.length && isWordCode(value.charCodeAt(index))) index += 1;
    const hash = hashWord(value, start, index, seed);
    const slot = probe(hash);
    if (slot === -1) {
      words.count = 0;
      break;
    }
    if (words.count === words.hashes.length) grow();
    words.hashes[words.count] = hash;
    words.starts[words.count] = start;
    words.slots[words.count] = slot;
    words.count += 1;
  }
  return words;
}

function grow(): void {
  const capacity = Math.max(16, words.hashes.length * 2);
  for (const name of ['hashes', 'starts', 'slots'] as const) {
    const larger = new Int32Array(capacity);
    larger.set(words[name]);
    words[name] = larger;
  }
}
