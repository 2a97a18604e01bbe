import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unionOfLabels } from './union-of-labels.js';

describe('unionOfLabels', () => {
  it('should hold each label of both lists once, in first-seen order, frozen', () => {
    const labels = fc.array(fc.constantFrom('a', 'b', 'c', 'src:x', 'src:y', 'd', 'e', 'f', 'g', 'h', 'i', 'j'), { maxLength: 20 });
    fc.assert(
      fc.property(fc.option(labels, { nil: undefined }), fc.option(labels, { nil: undefined }), (first, second) => {
        const union = unionOfLabels(first, second);
        expect(union).toEqual([...new Set([...(first ?? []), ...(second ?? [])])]);
        expect(Object.isFrozen(union)).toBe(true);
      }),
    );
  });
});
