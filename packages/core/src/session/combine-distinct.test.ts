import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineLeaves, makeDescriptor } from '../labels/descriptor.js';
import { combineDistinct } from './combine-distinct.js';

const POOL = [
  makeDescriptor({ labels: ['known', 'trusted'], taint: ['src:user'] }),
  makeDescriptor({ labels: ['known', 'trusted', 'pii'], taint: ['src:tool:list_contacts'], sources: ['c2'] }),
  makeDescriptor({ labels: ['untrusted'], taint: ['src:tool:read_inbox'], sources: ['c1'] }),
  makeDescriptor({ labels: ['llm', 'influenced'] }),
  makeDescriptor({ labels: ['secret', 'known:internal'], taint: ['src:credential:gh'] }),
];

describe('combineDistinct', () => {
  it('should equal combineLeaves of the whole list, asked once or many times, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...POOL), { minLength: 1, maxLength: 8 }), (leaves) => {
        expect(combineDistinct(leaves)).toBe(combineLeaves(leaves));
        expect(combineDistinct(leaves)).toBe(combineLeaves(leaves));
        expect(combineDistinct([...leaves].reverse())).toBe(combineLeaves(leaves));
      }),
    );
  });
});
