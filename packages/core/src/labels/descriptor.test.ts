import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_DESCRIPTOR,
  combineLeaves,
  descriptorsEqual,
  joinAll,
  joinDescriptors,
  makeDescriptor,
  withoutOperationLabels,
} from './descriptor.js';

describe('makeDescriptor', () => {
  it('should put labels into taint and sort and deduplicate every part', () => {
    const descriptor = makeDescriptor({ labels: ['untrusted', 'pii', 'pii'], taint: ['src:tool:a'], sources: ['c2', 'c1'] });
    expect(descriptor.labels).toEqual(['pii', 'untrusted']);
    expect(descriptor.taint).toEqual(['pii', 'src:tool:a', 'untrusted']);
    expect(descriptor.sources).toEqual(['c1', 'c2']);
  });

  it('should intern equal descriptors as the same frozen object', () => {
    const a = makeDescriptor({ labels: ['secret'], sources: ['x'] });
    const b = makeDescriptor({ labels: ['secret', 'secret'], sources: ['x'] });
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.labels)).toBe(true);
    expect(makeDescriptor()).toBe(EMPTY_DESCRIPTOR);
  });
});

describe('joinDescriptors', () => {
  it('should unite labels, taint and sources and return the cached result the second time', () => {
    const a = makeDescriptor({ labels: ['untrusted'], taint: ['src:tool:read_inbox'], sources: ['call_1'] });
    const b = makeDescriptor({ labels: ['pii'], sources: ['call_2'] });
    const joined = joinDescriptors(a, b);
    expect(joined.labels).toEqual(['pii', 'untrusted']);
    expect(joined.taint).toEqual(['pii', 'src:tool:read_inbox', 'untrusted']);
    expect(joined.sources).toEqual(['call_1', 'call_2']);
    expect(joinDescriptors(b, a)).toBe(joined);
    expect(joinAll([a, b, a])).toBe(joined);
    expect(joinDescriptors(a, EMPTY_DESCRIPTOR)).toBe(a);
  });

  it('should accept descriptors that were not interned', () => {
    const plain = { labels: ['secret'], taint: [], sources: [] };
    expect(joinDescriptors(plain, EMPTY_DESCRIPTOR)).toBe(makeDescriptor({ labels: ['secret'] }));
    expect(descriptorsEqual(plain, makeDescriptor({ labels: ['secret'] }))).toBe(true);
  });
});

describe('joinDescriptors against its definition', () => {
  const label = fc.oneof(fc.constantFrom('untrusted', 'trusted', 'known', 'pii', 'secret', 'src:user'), fc.stringMatching(/^[a-z]{1,3}(:[a-z0-9]{1,2})?$/));
  const parts = (maxLength: number) =>
    fc.record({
      labels: fc.array(label, { maxLength }),
      taint: fc.array(label, { maxLength }),
      sources: fc.array(fc.stringMatching(/^call_[0-9]{1,3}$/), { maxLength: 3 }),
    });
  const union = (...lists: (readonly string[])[]) => [...new Set(lists.flat())].sort();

  it('should be the sorted unique union of each part, with labels inside taint, interned and frozen', () => {
    fc.assert(
      fc.property(fc.oneof(parts(3), parts(80)), fc.oneof(parts(3), parts(80)), (left, right) => {
        const joined = joinDescriptors(makeDescriptor(left), makeDescriptor(right));
        const labels = union(left.labels, right.labels);
        expect(joined.labels).toEqual(labels);
        expect(joined.taint).toEqual(union(labels, left.taint, right.taint));
        expect(joined.sources).toEqual(union(left.sources, right.sources));
        expect(joined).toBe(makeDescriptor({ labels, taint: [...left.taint, ...right.taint].reverse(), sources: [...right.sources, ...left.sources] }));
        expect(Object.isFrozen(joined) && Object.isFrozen(joined.labels) && Object.isFrozen(joined.taint)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('combineLeaves', () => {
  it('should keep positive attestations only when every leaf has them', () => {
    const grounded = makeDescriptor({ labels: ['known', 'trusted'], taint: ['src:user'] });
    const invented = makeDescriptor({ labels: ['influenced'] });
    const combined = combineLeaves([grounded, invented]);
    expect(combined.labels).toEqual(['influenced']);
    expect(combined.taint).toContain('src:user');
    expect(combineLeaves([grounded, grounded]).labels).toEqual(['known', 'trusted']);
    expect(combineLeaves([])).toBe(EMPTY_DESCRIPTOR);
  });
});

describe('withoutOperationLabels', () => {
  it('should drop op labels from labels and taint', () => {
    const descriptor = makeDescriptor({ labels: ['op:cmd:git', 'secret'], taint: ['op:tool:x', 'src:cmd'] });
    const result = withoutOperationLabels(descriptor);
    expect(result.labels).toEqual(['secret']);
    expect(result.taint).toEqual(['secret', 'src:cmd']);
  });
});
