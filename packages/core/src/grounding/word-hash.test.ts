import { describe, expect, it } from 'vitest';
import { extendGram, hashWord, wordHashEnd, wordHashStep } from './word-hash.js';

describe('hashWord', () => {
  it('should hash the same word alike wherever it is', () => {
    expect(hashWord('the Riverside View', 4, 13, 7)).toBe(hashWord('Riverside', 0, 9, 7));
  });

  it('should be the running steps and end the tokenizer uses', () => {
    let hash = 7;
    for (const character of 'naïve') hash = wordHashStep(hash, character.charCodeAt(0));
    expect(wordHashEnd(hash, 5)).toBe(hashWord('naïve', 0, 5, 7));
  });

  it('should tell apart case, length, order and seed', () => {
    const hashes = new Set([hashWord('View', 0, 4, 7), hashWord('view', 0, 4, 7), hashWord('Vie', 0, 3, 7), hashWord('weiV', 0, 4, 7), hashWord('View', 0, 4, 8)]);
    expect(hashes.size).toBe(5);
  });

  it('should spread a thousand similar words over distinct hashes', () => {
    const hashes = new Set(Array.from({ length: 1_000 }, (_, index) => hashWord(`acct${index}`, 0, `acct${index}`.length, 0)));
    expect(hashes.size).toBe(1_000);
  });
});

describe('extendGram', () => {
  const the = hashWord('the', 0, 3, 1);
  const end = hashWord('end', 0, 3, 1);

  it('should key a sequence by its order', () => {
    expect(extendGram(the, end)).not.toBe(extendGram(end, the));
    expect(extendGram(the, end)).toBe(extendGram(the, end));
  });

  it('should not confuse a gram with its words', () => {
    expect(new Set([the, end, extendGram(the, end), extendGram(extendGram(the, end), end)]).size).toBe(4);
  });
});
