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
