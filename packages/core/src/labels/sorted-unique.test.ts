import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedUnique } from './sorted-unique.js';

describe('sortedUnique', () => {
  it('should equal a Set and a default sort, for short and long, sorted and unsorted input', () => {
    const values = fc.array(fc.string({ maxLength: 4 }), { maxLength: 60 });
    fc.assert(
      fc.property(fc.oneof(values, values.map((list) => [...list].sort())), (list) => {
        expect(sortedUnique(list)).toEqual([...new Set(list)].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('should return a new array that is not frozen, even for frozen sorted input', () => {
    const input = Object.freeze(['a', 'b']);
    const result = sortedUnique(input);
    expect(result).not.toBe(input);
    expect(Object.isFrozen(result)).toBe(false);
  });

  it('should sort by UTF-16 code unit as Array.prototype.sort does', () => {
    expect(sortedUnique(['b', 'B', 'é', 'a', '\u{1F600}', 'ﬀ', 'a'])).toEqual(['B', 'a', 'b', 'é', '\u{1F600}', 'ﬀ']);
  });
});
