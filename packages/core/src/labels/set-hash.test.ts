import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setHash, unionSetHash } from './set-hash.js';

const sortedSet = fc.array(fc.string({ maxLength: 5 }), { maxLength: 30 }).map((values) => [...new Set(values)].sort());

describe('setHash', () => {
  it('should not depend on order', () => {
    expect(setHash(['a', 'b', 'c'])).toBe(setHash(['c', 'a', 'b']));
    expect(setHash(['a', 'b'])).not.toBe(setHash(['a', 'c']));
  });
});

describe('unionSetHash', () => {
  it('should equal the hash of the union', () => {
    fc.assert(
      fc.property(sortedSet, sortedSet, (long, short) => {
        const union = [...new Set([...long, ...short])].sort();
        expect(unionSetHash(long, setHash(long), short)).toBe(setHash(union));
      }),
      { numRuns: 300 },
    );
  });
});
