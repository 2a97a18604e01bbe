import { isWhitespaceCode } from './char-class.js';
import { tokenEndsValue, tokenStartsValue, tokenize, type Tokens } from './tokenize.js';
import { isLeftBoundary, isRightBoundary } from './value-boundary.js';

/** Counters a lookup adds to: `candidates` is the number of word positions it verified. */
export interface LookupStats {
  candidates: number;
}

/** A hashed index of the words of many texts, answering where a whole text value occurs. */
export interface TokenIndex<Owner> {
  /** Indexes one text of `owner`, already split into words. Linear in the number of words. */
  add(owner: Owner, text: string, tokens: Tokens): void;
  /** Adds to `found` every owner with a text in which `value` (canonical text) occurs as a whole value. */
  find(value: string, found: Set<Owner>, stats?: LookupStats): void;
}

interface IndexedText<Owner> {
  readonly owner: Owner;
  readonly text: string;
  readonly tokens: Tokens;
}

interface Postings<Owner> {
  readonly texts: IndexedText<Owner>[];
  readonly positions: number[];
}

/**
 * Creates a token index. A lookup splits the value into words, reads the postings of its rarest word only,
 * and verifies each candidate position: the neighbouring words, the separators between them (whitespace runs
 * equal one space), the value's leading and trailing punctuation, and the value boundaries on both sides
 * (see `isLeftBoundary`). Its cost depends on how often that word occurs, never on the number of texts.
 *
 * @example
 * ```ts
 * const index = createTokenIndex<string>();
 * index.add('f1', 'stay at Riverside View Hotel.', tokenize('stay at Riverside View Hotel.'));
 * const found = new Set<string>();
 * index.find('Riverside View Hotel', found); // found: {'f1'}
 * ```
 */
export function createTokenIndex<Owner>(): TokenIndex<Owner> {
  const postings = new Map<string, Postings<Owner>>();

  function add(owner: Owner, text: string, tokens: Tokens): void {
    const indexed: IndexedText<Owner> = { owner, text, tokens };
    for (let token = 0; token < tokens.count; token += 1) {
      const word = text.slice(tokens.starts[token] ?? 0, tokens.ends[token] ?? 0);
      let entry = postings.get(word);
      if (entry === undefined) {
        entry = { texts: [], positions: [] };
        postings.set(word, entry);
      }
      entry.texts.push(indexed);
      entry.positions.push(token);
    }
  }

  function find(value: string, found: Set<Owner>, stats?: LookupStats): void {
    const pattern = compilePattern(value);
    if (pattern === undefined) return;
    let rarest: Postings<Owner> | undefined;
    let rarestAt = 0;
    for (let index = 0; index < pattern.words.length; index += 1) {
      const entry = postings.get(pattern.words[index] ?? '');
      if (entry === undefined) return;
      if (rarest === undefined || entry.positions.length < rarest.positions.length) {
        rarest = entry;
        rarestAt = index;
      }
    }
    if (rarest === undefined) return;
    for (let index = 0; index < rarest.positions.length; index += 1) {
      const indexed = rarest.texts[index] as IndexedText<Owner>;
      if (found.has(indexed.owner)) continue;
      if (stats !== undefined) stats.candidates += 1;
      if (occursAt(indexed, (rarest.positions[index] ?? 0) - rarestAt, pattern)) found.add(indexed.owner);
    }
  }

  return { add, find };
}

interface Pattern {
  readonly words: readonly string[];
  /** What lies between consecutive words, collapsed. */
  readonly separators: readonly string[];
  readonly prefix: string;
  readonly suffix: string;
}

function compilePattern(value: string): Pattern | undefined {
  const tokens = tokenize(value);
  if (tokens.count === 0) return undefined;
  const words: string[] = [];
  const separators: string[] = [];
  for (let token = 0; token < tokens.count; token += 1) {
    words.push(value.slice(tokens.starts[token] ?? 0, tokens.ends[token] ?? 0));
    if (token > 0) separators.push(value.slice(tokens.ends[token - 1] ?? 0, tokens.starts[token] ?? 0));
  }
  const prefix = value.slice(0, tokens.starts[0] ?? 0);
  const suffix = value.slice(tokens.ends[tokens.count - 1] ?? value.length);
  return { words, separators, prefix, suffix };
}

function occursAt<Owner>({ text, tokens }: IndexedText<Owner>, first: number, pattern: Pattern): boolean {
  const last = first + pattern.words.length - 1;
  if (first < 0 || last >= tokens.count) return false;
  for (let index = 0; index < pattern.words.length; index += 1) {
    const word = pattern.words[index] ?? '';
    const start = tokens.starts[first + index] ?? 0;
    if ((tokens.ends[first + index] ?? 0) - start !== word.length || !text.startsWith(word, start)) return false;
  }
  for (let index = 0; index < pattern.separators.length; index += 1) {
    const from = tokens.ends[first + index] ?? 0;
    if (!separatorMatches(text, from, tokens.starts[first + index + 1] ?? 0, pattern.separators[index] ?? '')) return false;
  }
  return startMatches(text, tokens, first, pattern.prefix) && endMatches(text, tokens, last, pattern.suffix);
}

function startMatches(text: string, tokens: Tokens, first: number, prefix: string): boolean {
  if (prefix === '') return tokenStartsValue(tokens, first);
  let index = (tokens.starts[first] ?? 0) - 1;
  for (let at = prefix.length - 1; at >= 0; at -= 1) {
    if (index < 0) return false;
    if (prefix[at] === ' ') {
      if (!isWhitespaceCode(text.charCodeAt(index))) return false;
      while (index >= 0 && isWhitespaceCode(text.charCodeAt(index))) index -= 1;
    } else if (text[index] === prefix[at]) index -= 1;
    else return false;
  }
  return isLeftBoundary(text, index + 1, 'text');
}

function endMatches(text: string, tokens: Tokens, last: number, suffix: string): boolean {
  if (suffix === '') return tokenEndsValue(tokens, last);
  let index = tokens.ends[last] ?? 0;
  for (let at = 0; at < suffix.length; at += 1) {
    if (index >= text.length) return false;
    if (suffix[at] === ' ') {
      if (!isWhitespaceCode(text.charCodeAt(index))) return false;
      while (index < text.length && isWhitespaceCode(text.charCodeAt(index))) index += 1;
    } else if (text[index] === suffix[at]) index += 1;
    else return false;
  }
  return isRightBoundary(text, index, 'text');
}

// The text between two words holds no word characters; it matches when, collapsed, it equals `separator`.
function separatorMatches(text: string, from: number, to: number, separator: string): boolean {
  let index = from;
  for (let at = 0; at < separator.length; at += 1) {
    if (index >= to) return false;
    if (separator[at] === ' ') {
      if (!isWhitespaceCode(text.charCodeAt(index))) return false;
      while (index < to && isWhitespaceCode(text.charCodeAt(index))) index += 1;
    } else if (text[index] === separator[at]) index += 1;
    else return false;
  }
  return index === to;
}
