import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_DESCRIPTOR,
  combineLeaves,
  descriptorsEqual,
  joinDescriptors,
  makeDescriptor,
  type Descriptor,
  type DescriptorParts,
} from '@labelflow/core';
import { DATA_LABELS, isPositiveAttestation } from '../helpers/arbitraries.js';

const RUNS = { numRuns: 300 };

// Vocabulary labels (so joins overlap) mixed with arbitrary well-formed hierarchical labels.
const labelArb = fc.oneof(fc.constantFrom(...DATA_LABELS), fc.stringMatching(/^[a-z]{1,4}(:[a-z0-9]{1,4}){0,2}$/));
const partsArb: fc.Arbitrary<DescriptorParts> = fc.record({
  labels: fc.array(labelArb, { maxLength: 4 }),
  taint: fc.array(labelArb, { maxLength: 3 }),
  sources: fc.array(fc.constantFrom('call_1', 'call_2', 'guard:scrub', 'mcp:get_issue'), { maxLength: 2 }),
});
const descriptorArb: fc.Arbitrary<Descriptor> = partsArb.map((parts) => makeDescriptor(parts));

const union = (...lists: (readonly string[])[]): string[] => [...new Set(lists.flat())].sort();

describe('joinDescriptors', () => {
  it('should be associative', () => {
    fc.assert(
      fc.property(descriptorArb, descriptorArb, descriptorArb, (a, b, c) => {
        const left = joinDescriptors(joinDescriptors(a, b), c);
        const right = joinDescriptors(a, joinDescriptors(b, c));
        expect(left).toBe(right);
        expect(descriptorsEqual(left, right)).toBe(true);
      }),
      RUNS,
    );
  });

  it('should be commutative', () => {
    fc.assert(
      fc.property(descriptorArb, descriptorArb, (a, b) => {
        expect(joinDescriptors(a, b)).toBe(joinDescriptors(b, a));
      }),
      RUNS,
    );
  });

  it('should be idempotent', () => {
    fc.assert(
      fc.property(descriptorArb, (a) => {
        expect(joinDescriptors(a, a)).toBe(a);
      }),
      RUNS,
    );
  });

  it('should have the empty descriptor as identity', () => {
    fc.assert(
      fc.property(descriptorArb, (a) => {
        expect(joinDescriptors(a, EMPTY_DESCRIPTOR)).toBe(a);
        expect(joinDescriptors(EMPTY_DESCRIPTOR, a)).toBe(a);
      }),
      RUNS,
    );
  });

  it('should be the union of each part', () => {
    fc.assert(
      fc.property(descriptorArb, descriptorArb, (a, b) => {
        const joined = joinDescriptors(a, b);
        expect([...joined.labels].sort()).toEqual(union(a.labels, b.labels));
        expect([...joined.taint].sort()).toEqual(union(a.taint, b.taint));
        expect([...joined.sources].sort()).toEqual(union(a.sources, b.sources));
      }),
      RUNS,
    );
  });
});

describe('makeDescriptor', () => {
  it('should put every label into taint and keep the given taint', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const descriptor = makeDescriptor(parts);
        for (const label of parts.labels ?? []) expect(descriptor.taint).toContain(label);
        for (const label of parts.taint ?? []) expect(descriptor.taint).toContain(label);
        expect([...descriptor.labels].sort()).toEqual(union(parts.labels ?? []));
      }),
      RUNS,
    );
  });

  it('should intern: equal parts in any order and with repeats give the same frozen object', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const reversed = {
          labels: [...(parts.labels ?? [])].reverse().concat(parts.labels ?? []),
          taint: [...(parts.taint ?? [])].reverse(),
          sources: [...(parts.sources ?? [])].reverse(),
        };
        const descriptor = makeDescriptor(parts);
        expect(makeDescriptor(reversed)).toBe(descriptor);
        expect(Object.isFrozen(descriptor)).toBe(true);
        expect(Object.isFrozen(descriptor.labels)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('combineLeaves', () => {
  it('should keep a positive attestation only when every leaf has it, and every other label when any leaf has it', () => {
    fc.assert(
      fc.property(fc.array(descriptorArb, { minLength: 1, maxLength: 4 }), (leaves) => {
        const combined = combineLeaves(leaves);
        const all = union(...leaves.map((leaf) => leaf.labels));
        for (const label of all) {
          const expected = isPositiveAttestation(label) ? leaves.every((leaf) => leaf.labels.includes(label)) : true;
          expect(combined.labels.includes(label), `label ${label}`).toBe(expected);
        }
        for (const label of combined.labels) expect(all).toContain(label);
      }),
      RUNS,
    );
  });
});
