import { isWordCode } from './char-class.js';
import { createGramPostings } from './gram-postings.js';
import { matchTextAt } from './match-text-at.js';
import type { Tokens } from './tokenize.js';
import { readValueWords } from './value-words.js';
import { extendGram, hashWord } from './word-hash.js';

/** Counters a lookup adds to: `candidates` is the number of word positions it verified. */
export interface LookupStats {
  candidates: number;
}

/** A hashed index of the words of many texts, answering where a whole text value occurs. */
export interface TokenIndex {
  /** The seed words are hashed with: tokens read by `tokenize(text, buffer, seed)` are not hashed again. */
  readonly seed: number;
  /** Makes room for about `words` more words of text, ahead of adding the texts of a large fragment. */
  reserve(words: number): void;
  /** Indexes one text of owner `owner` (a small integer), already split into words. Linear in its length. */
  add(owner: number, text: string, tokens: Tokens): void;
  /** Adds to `found` every owner with a text in which `value` (canonical text) occurs as a whole value. */
  find(value: string, found: Set<number>, stats?: LookupStats): void;
}

/** A gram with more postings than this is common: its occurrences are also posted one word longer. */
export const COMMON_GRAM = 16;
/** The longest gram posted, in words: bounds the postings per word of text. */
export const MAX_GRAM = 4;

// Shared, never written: each array is replaced by a real one before its first write.
const NO_INTS = new Int32Array(0);

// Scratch space shared by every index (adding is synchronous and never re-entered): the occurrences waiting to
// be posted one word longer (posting, key), and the posting made last.
let pending = NO_INTS;
let pendingLength = 0;
let lastPosting = -1;

/**
 * Creates a token index. Every word is posted under the hash of its characters (see `hashWord`); a gram (a
 * run of consecutive words in one text) that is common, having more than {@link COMMON_GRAM} postings, has
 * each of its occurrences posted again as the gram one word longer, up to {@link MAX_GRAM} words, including
 * the occurrences indexed before it became common. So the postings of a gram are complete whenever the gram
 * one word shorter is common, and a gram that is not common has few.
 *
 * For tests, `seed` fixes the hash seed (random by default) and `keyMask` is and-ed into every key to force
 * collisions (`0x7`: eight keys in all); answers must not change, only the work.
 *
 * A lookup reads the value's words and probes each as it goes, stopping at the first one absent. It picks the
 * rarest word; when every word is common, it extends grams from the value's first words until one is not
 * common (or is absent, which ends the lookup), and verifies only that gram's postings: the whole value is
 * compared there character by character (whitespace runs equal one space) with value boundaries on both sides
 * (see `matchTextAt`). So a lookup verifies at most {@link COMMON_GRAM} positions unless every
 * {@link MAX_GRAM}-word gram of the value is itself common, or the value is one common word, and then it
 * verifies that gram's or word's occurrences, skipping owners already found. It never loops over texts.
 *
 * @example
 * ```ts
 * const index = createTokenIndex();
 * index.add(0, 'stay at Riverside View Hotel.', tokenize('stay at Riverside View Hotel.'));
 * const found = new Set<number>();
 * index.find('Riverside View Hotel', found); // found: {0}
 * ```
 */
export function createTokenIndex({
  keyMask = -1,
  // Collisions only cost verifications; a per-index seed keeps hostile text from planning them.
  seed = (Math.random() * 0x100000000) | 0,
}: { keyMask?: number; seed?: number } = {}): TokenIndex {
  const postings = createGramPostings();
  const texts: string[] = [];
  const owners: number[] = [];

  function add(owner: number, text: string, tokens: Tokens): void {
    if (tokens.count === 0) return;
    const field = texts.length;
    texts.push(text);
    owners.push(owner);
    let hashes = tokens.hashes;
    if (tokens.seed !== seed) {
      hashes = new Int32Array(tokens.count);
      for (let token = 0; token < tokens.count; token += 1) {
        hashes[token] = hashWord(text, tokens.starts[token] as number, tokens.ends[token] as number, seed);
      }
    }
    for (let token = 0; token < tokens.count; token += 1) {
      let key = (hashes[token] as number) & keyMask;
      let common = post(key, field, tokens.starts[token] as number, 1);
      for (let level = 1; common && token + level < tokens.count; level += 1) {
        key = extendGram(key, hashes[token + level] as number) & keyMask;
        common = post(key, field, tokens.starts[token + level] as number, level + 1);
      }
    }
    extendPending();
  }

  // Posts one occurrence of a gram of `level` words ending at the word starting at `offset`. Returns true when
  // the caller must post this occurrence one word longer; when the gram just became common, its earlier
  // occurrences are queued for that instead.
  function post(key: number, field: number, offset: number, level: number): boolean {
    const slot = postings.slotFor(key);
    const posting = postings.push(slot, field, offset, level);
    lastPosting = posting;
    const count = postings.count(slot);
    // Whatever the level of the posting that makes it common (grams of different lengths may share a hash),
    // every earlier posting of the slot is extended, or the longer grams' postings would miss some.
    if (count === COMMON_GRAM + 1) {
      for (let earlier = postings.next(posting); earlier !== -1; earlier = postings.next(earlier)) queue(earlier, key);
    }
    return count > COMMON_GRAM && level < MAX_GRAM;
  }

  function queue(posting: number, key: number): void {
    if (pendingLength + 2 > pending.length) pending = grown(pending, pendingLength + 2);
    pending[pendingLength] = posting;
    pending[pendingLength + 1] = key;
    pendingLength += 2;
  }

  // Posts each queued occurrence one word longer, reading the next word from its text.
  function extendPending(): void {
    while (pendingLength > 0) {
      pendingLength -= 2;
      const posting = pending[pendingLength] as number;
      const key = pending[pendingLength + 1] as number;
      const level = postings.level(posting);
      if (level >= MAX_GRAM) continue;
      const field = postings.field(posting);
      const text = texts[field] as string;
      let start = postings.offset(posting);
      while (start < text.length && isWordCode(text.charCodeAt(start))) start += 1;
      while (start < text.length && !isWordCode(text.charCodeAt(start))) start += 1;
      if (start >= text.length) continue;
      let end = start + 1;
      while (end < text.length && isWordCode(text.charCodeAt(end))) end += 1;
      const longer = extendGram(key, hashWord(text, start, end, seed)) & keyMask;
      if (post(longer, field, start, level + 1)) queue(lastPosting, longer);
    }
  }

  function find(value: string, found: Set<number>, stats?: LookupStats): void {
    const words = readValueWords(value, seed, (hash) => postings.find(hash & keyMask));
    if (words.count === 0) return;
    let best = -1;
    let bestCount = Infinity;
    let bestWord = 0;
    for (let word = 0; word < words.count; word += 1) {
      const count = postings.count(words.slots[word] as number);
      if (count < bestCount) {
        best = words.slots[word] as number;
        bestCount = count;
        bestWord = word;
      }
    }
    // Every word is common: a gram of them that is not common has few postings. The postings of a gram are
    // complete when the gram one word shorter is common, so a gram missing there is missing everywhere.
    for (let first = 0; first < words.count && bestCount > COMMON_GRAM; first += 1) {
      let key = (words.hashes[first] as number) & keyMask;
      for (let level = 1; level < MAX_GRAM && first + level < words.count; level += 1) {
        key = extendGram(key, words.hashes[first + level] as number) & keyMask;
        const slot = postings.find(key);
        if (slot === -1) return;
        const count = postings.count(slot);
        if (count < bestCount) {
          best = slot;
          bestCount = count;
          bestWord = first + level;
        }
        if (count <= COMMON_GRAM) break;
      }
    }
    const valueAt = words.starts[bestWord] as number;
    for (let posting = postings.first(best); posting !== -1; posting = postings.next(posting)) {
      const field = postings.field(posting);
      const owner = owners[field] as number;
      if (found.has(owner)) continue;
      if (stats !== undefined) stats.candidates += 1;
      if (matchTextAt(value, valueAt, texts[field] as string, postings.offset(posting))) found.add(owner);
    }
  }

  // Words repeat, so a long text has far fewer distinct words (keys) than words; common words are also posted
  // as longer grams, so it has somewhat more postings than words.
  function reserve(words: number): void {
    postings.reserve(words <= 256 ? words : 256 + (words - 256) / 4, words * 1.3);
  }

  return { seed, add, find, reserve };
}

function grown(array: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(Math.max(atLeast, array.length * 2, 16));
  larger.set(array);
  return larger;
}
