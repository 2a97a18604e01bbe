import { describe, expect, it } from 'vitest';
import { createGramPostings, type GramPostings } from './gram-postings.js';

function postingsOf(postings: GramPostings, key: number): [number, number, number][] {
  const found: [number, number, number][] = [];
  for (let posting = postings.first(postings.find(key)); posting !== -1; posting = postings.next(posting)) {
    found.push([postings.field(posting), postings.offset(posting), postings.level(posting)]);
  }
  return found;
}

describe('createGramPostings', () => {
  it('should list the postings of a key newest first, with its count', () => {
    const postings = createGramPostings();
    postings.push(postings.slotFor(42), 0, 3, 1);
    postings.push(postings.slotFor(7), 0, 9, 2);
    postings.push(postings.slotFor(42), 1, 5, 1);
    expect(postingsOf(postings, 42)).toEqual([
      [1, 5, 1],
      [0, 3, 1],
    ]);
    expect(postings.count(postings.find(42))).toBe(2);
    expect(postings.key(postings.find(7))).toBe(7);
  });

  it('should answer -1 for a key never posted', () => {
    const postings = createGramPostings();
    postings.push(postings.slotFor(1), 0, 0, 1);
    expect(postings.find(2)).toBe(-1);
    expect(postings.first(postings.find(2))).toBe(-1);
  });

  it('should keep every key and posting while growing, colliding keys included', () => {
    const postings = createGramPostings();
    // Keys that share their low bits land on the same first slot of any table up to 2^16.
    const keys = Array.from({ length: 5_000 }, (_, index) => (index % 2 === 0 ? index << 16 : index * 2_654_435_761) | 0);
    keys.forEach((key, index) => {
      postings.push(postings.slotFor(key), index, index * 2, 1 + (index % 4));
      postings.push(postings.slotFor(key), index, index * 2 + 1, 1);
    });
    keys.forEach((key, index) => {
      expect(postingsOf(postings, key)).toEqual([
        [index, index * 2 + 1, 1],
        [index, index * 2, 1 + (index % 4)],
      ]);
    });
  });
});
