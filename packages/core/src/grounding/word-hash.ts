// Words and word sequences are keyed by 32-bit hashes computed from their UTF-16 code units, so indexing never
// allocates a string per word. Different words may share a hash: every candidate a hash yields is verified
// against the text, so a collision costs a verification, never a wrong answer.

/**
 * The hash of the word `text[start, end)` under `seed` (case-sensitive, code unit by code unit): `wordHashStep`
 * over its code units from `seed`, then `wordHashEnd`. The tokenizer runs the same steps as it reads a word.
 *
 * @example
 * ```ts
 * hashWord('Riverside View', 0, 9, 7) === hashWord('Riverside', 0, 9, 7); // true
 * ```
 */
export function hashWord(text: string, start: number, end: number, seed: number): number {
  let hash = seed;
  for (let index = start; index < end; index += 1) hash = wordHashStep(hash, text.charCodeAt(index));
  return wordHashEnd(hash, end - start);
}

/** One code unit of a word into its running hash (FNV-1a's step). */
export function wordHashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** The hash of a word of `length` code units from its running hash. */
export function wordHashEnd(hash: number, length: number): number {
  return finalize(hash ^ Math.imul(length, 0x9e3779b1));
}

/**
 * The hash of a word sequence (a gram) extended by one more word: `extendGram(extendGram(a, b), c)` keys the
 * sequence `a b c`. Order matters, and a gram's hash is unrelated to the hashes of its words alone.
 *
 * @example
 * ```ts
 * extendGram(hashWord('the', 0, 3, 7), hashWord('end', 0, 3, 7)); // the key of `the end`
 * ```
 */
export function extendGram(gram: number, word: number): number {
  return finalize(Math.imul(gram, 0x9e3779b1) ^ Math.imul(word ^ 0x5bd1e995, 0x27d4eb2f));
}

// The murmur3 finaliser: every input bit affects every output bit, so `hash & mask` spreads over a table.
function finalize(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
