import { describe, expect, it } from 'vitest';
import { matchWildcard, type WildcardToken } from './match-wildcard.js';

function glob(text: string): WildcardToken<string>[] {
  return Array.from(text, (char) => (char === '*' ? { type: 'run' } : char === '?' ? { type: 'one' } : { type: 'literal', value: char }));
}

describe('matchWildcard', () => {
  it.each([
    ['*', '', true],
    ['*', 'anything', true],
    ['', '', true],
    ['', 'a', false],
    ['abc', 'abc', true],
    ['abc', 'abcd', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['a*c', 'ac', true],
    ['a*c', 'abbbc', true],
    ['a*c', 'abbbcd', false],
    ['*a*b', 'xxaxxb', true],
    ['*a*b', 'xxbxxa', false],
    ['a**b', 'ab', true],
    ['*?', '', false],
    ['*?', 'x', true],
  ])('should match glob %j against %j as %s', (pattern, subject, expected) => {
    expect(matchWildcard(glob(pattern), Array.from(subject))).toBe(expected);
  });

  it('should stay fast on a hostile subject', () => {
    const pattern = glob(`${'*a'.repeat(20)}*b`);
    const subject = Array.from('a'.repeat(5000));
    const started = performance.now();
    expect(matchWildcard(pattern, subject)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
