import { describe, expect, it } from 'vitest';
import { readValueWords } from './value-words.js';
import { hashWord } from './word-hash.js';

describe('readValueWords', () => {
  const known = new Map(['Riverside', 'View', 'Hotel', 'A', '12'].map((word, slot) => [hashWord(word, 0, word.length, 3), slot]));
  const probe = (hash: number): number => known.get(hash) ?? -1;

  it('should read each word: its hash, start and what the probe answered', () => {
    const words = readValueWords('Riverside View, A-12', 3, probe);
    expect(words.count).toBe(4);
    expect(Array.from(words.starts.subarray(0, 4))).toEqual([0, 10, 16, 18]);
    expect(Array.from(words.slots.subarray(0, 4))).toEqual([0, 1, 3, 4]);
    expect(words.hashes[1]).toBe(hashWord('View', 0, 4, 3));
  });

  it('should stop at the first word the probe does not know, reading no further', () => {
    const probed: number[] = [];
    const words = readValueWords('Riverside Motel View Hotel', 3, (hash) => {
      probed.push(hash);
      return probe(hash);
    });
    expect(words.count).toBe(0);
    expect(probed).toHaveLength(2);
  });

  it('should read a value of many words, growing its arrays', () => {
    expect(readValueWords('View '.repeat(1_000), 3, probe).count).toBe(1_000);
  });

  it('should read no word in a value without letters or digits', () => {
    expect(readValueWords('-- !', 3, probe).count).toBe(0);
  });
});
