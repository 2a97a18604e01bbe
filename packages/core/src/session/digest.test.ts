import { describe, expect, it } from 'vitest';
import { canonicalJson, digestValue } from './digest.js';

describe('canonicalJson', () => {
  it('should sort keys, drop undefined and survive cycles and exotic values', () => {
    const cyclic: Record<string, unknown> = { b: 1, a: [2, undefined, Number.NaN] };
    cyclic['self'] = cyclic;
    expect(canonicalJson(cyclic)).toBe('{"a":[2,null,"NaN"],"b":1,"self":"[cycle]"}');
    expect(canonicalJson({ n: 10n, f: () => 1 })).toBe('{"f":"[function]","n":"10n"}');
  });
});

describe('digestValue', () => {
  it('should give equal digests for equal values whatever the key order', () => {
    expect(digestValue({ b: 1, a: 2 })).toBe(digestValue({ a: 2, b: 1 }));
    expect(digestValue('x')).not.toBe(digestValue('y'));
    expect(digestValue('x')).toMatch(/^sha256:[0-9a-f]{64}$/u);
  });
});
