import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSorted } from './merge-sorted.js';

const sortedSet = (maxLength: number) =>
  fc.array(fc.stringMatching(/^[a-z]{1,3}(:[a-z0-9]{1,2})?$/), { maxLength }).map((values) => Object.freeze([...new Set(values)].sort()));

describe('mergeSorted', () => {
  it('should equal the sorted union of both sides, whatever their sizes', () => {
    fc.assert(
      fc.property(fc.oneof(sortedSet(4), sortedSet(200)), fc.oneof(sortedSet(4), sortedSet(200)), (a, b) => {
        expect(mergeSorted(a, b)).toEqual([...new Set([...a, ...b])].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('should return a side itself when it already holds the other', () => {
    const long = Object.freeze(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    expect(mergeSorted(long, ['c'])).toBe(long);
    expect(mergeSorted(['c'], long)).toBe(long);
    expect(mergeSorted(long, [])).toBe(long);
    expect(mergeSorted(['a', 'b'], ['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
  });

  it('should insert before, between and after the elements of a long side', () => {
    const long = Array.from({ length: 40 }, (_, index) => `l${String(index).padStart(2, '0')}`);
    expect(mergeSorted(long, ['a', 'l05x', 'z'])).toEqual(['a', ...long.slice(0, 6), 'l05x', ...long.slice(6), 'z']);
  });
});
