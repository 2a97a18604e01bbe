import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAutomaton } from './aho-corasick.js';

function matches(patterns: readonly string[], text: string, caseless = false): number[] {
  const found: number[] = [];
  buildAutomaton(patterns, { caseless }).scan(text, (pattern) => found.push(pattern));
  return found.sort((a, b) => a - b);
}

describe('buildAutomaton', () => {
  it.each<[string[], string, number[]]>([
    [['he', 'she', 'his', 'hers'], 'ushers', [0, 1, 3]],
    [['a', 'aa', 'aaa'], 'aaaa', [0, 1, 2]],
    [['abc', 'bcd', 'cde'], 'xxabcdexx', [0, 1, 2]],
    [['abcd', 'bc'], 'abce', [1]],
    [['', 'x'], 'x', [1]],
    [['same', 'same'], 'the same', [0, 1]],
    [['🎉x'], 'a🎉x', [0]],
    [['needle'], 'haystack', []],
  ])('should find %j in %j', (patterns, text, expected) => {
    expect(matches(patterns, text)).toEqual(expected);
  });

  it('should ignore ASCII case when caseless', () => {
    expect(matches(['dead:beef'], 'DE:AD dead:BEEF', true)).toEqual([0]);
    expect(matches(['dead:beef'], 'DEAD:BEEF', false)).toEqual([]);
  });

  it('should report each pattern once however often it occurs', () => {
    expect(matches(['a'], 'a'.repeat(1_000))).toEqual([0]);
  });

  it('should be reusable: a second scan reports again', () => {
    const automaton = buildAutomaton(['x'], { caseless: false });
    const found: number[] = [];
    automaton.scan('x', (pattern) => found.push(pattern));
    automaton.scan('x', (pattern) => found.push(pattern));
    expect(found).toEqual([0, 0]);
  });

  it('should agree with a naive search', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', 'A', 'B');
    const word = (maxLength: number) => fc.array(alphabet, { maxLength }).map((letters) => letters.join(''));
    fc.assert(
      fc.property(fc.array(word(5), { minLength: 1, maxLength: 12 }), word(60), fc.boolean(), (patterns, text, caseless) => {
        const fold = (value: string) => (caseless ? value.toLowerCase() : value);
        const expected = patterns.flatMap((pattern, index) => (pattern !== '' && fold(text).includes(fold(pattern)) ? [index] : []));
        expect(matches(patterns, text, caseless)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
