import { describe, expect, it } from 'vitest';
import { internDescriptor, isInterned, joinInterned } from './intern-descriptor.js';
import { setHash } from './set-hash.js';

describe('internDescriptor', () => {
  it('should keep its bookkeeping out of sight: a descriptor looks like a plain frozen object', () => {
    const descriptor = internDescriptor(['pii'], ['pii', 'src:user'], ['c1']);
    expect(Reflect.ownKeys(descriptor)).toEqual(['labels', 'taint', 'sources']);
    expect(descriptor).toStrictEqual({ labels: ['pii'], taint: ['pii', 'src:user'], sources: ['c1'] });
    expect(JSON.stringify(descriptor)).toBe('{"labels":["pii"],"taint":["pii","src:user"],"sources":["c1"]}');
    expect(Object.isFrozen(descriptor)).toBe(true);
    expect(isInterned(descriptor)).toBe(true);
    expect(isInterned({ ...descriptor })).toBe(false);
  });

  it('should tell apart descriptors whose hashes collide', () => {
    expect(setHash(['call_946719'])).toBe(setHash(['call_1199484']));
    const a = internDescriptor([], [], ['call_946719']);
    const b = internDescriptor([], [], ['call_1199484']);
    expect(a).not.toBe(b);
    expect(internDescriptor([], [], ['call_946719'])).toBe(a);
    expect(internDescriptor([], [], ['call_1199484'])).toBe(b);
  });

  it('should intern big descriptors that differ in one label as distinct objects', () => {
    const labels = (extra: string) => [...Array.from({ length: 2000 }, (_, index) => `l:${String(index).padStart(5, '0')}`), extra];
    const a = internDescriptor(labels('x:a'), labels('x:a'), []);
    const b = internDescriptor(labels('x:b'), labels('x:b'), []);
    expect(a).not.toBe(b);
    expect(internDescriptor(labels('x:a'), labels('x:a'), [])).toBe(a);
  });
});

describe('joinInterned', () => {
  it('should find the descriptor made directly from the same parts', () => {
    const left = internDescriptor(['a'], ['a', 'src:x'], ['c1']);
    const right = internDescriptor(['b'], ['b'], ['c2']);
    const joined = joinInterned(left, right);
    expect(joined).toBe(internDescriptor(['a', 'b'], ['a', 'b', 'src:x'], ['c1', 'c2']));
    expect(joinInterned(right, left)).toBe(joined);
  });

  it('should return a side itself when it already holds the other', () => {
    const big = internDescriptor(['a', 'b'], ['a', 'b', 'c'], ['c1']);
    expect(joinInterned(big, internDescriptor(['a'], ['a', 'c'], []))).toBe(big);
  });
});
