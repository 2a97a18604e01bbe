import { describe, expect, it } from 'vitest';
import { matchTextAt } from './match-text-at.js';

describe('matchTextAt', () => {
  it.each<[string, number, string, number, boolean]>([
    ['Riverside View', 10, 'the Riverside\n View Hotel', 15, true],
    ['Riverside View', 0, 'the Riverside View Hotel', 4, true],
    ['Riverside View', 0, 'the Riverside Views', 4, false],
    ['View Hotel', 0, 'the View Hotels', 4, false],
    ['Riverside View', 0, 'theRiverside View', 3, false],
    ['A-12', 2, 'ticket A-12.', 9, true],
    ['A-12', 2, 'ticket A-123', 9, false],
    ['A-12', 0, 'ticket xA-12', 8, false],
    ['#42', 1, 'see #42 and', 5, true],
    ['#42', 1, 'see x#42', 6, false],
    ['( 40 )', 2, 'a ( 40 ) b', 4, true],
    ['( 40 )', 2, 'a (40) b', 3, false],
    ['a - b', 0, 'x a  -\tb y', 2, true],
    ['a - b', 0, 'x a -b y', 2, false],
    ['3 apples', 0, 'temp -3 apples', 6, false],
    ['report', 0, 'see report.pdf', 4, false],
    ['report', 0, 'see report.', 4, true],
    ['Q3 report.pdf', 3, '"Q3 report.pdf"', 4, true],
  ])('should match %j (at %i) in %j at %i: %s', (value, valueAt, text, textAt, expected) => {
    expect(matchTextAt(value, valueAt, text, textAt)).toBe(expected);
  });

  it('should not read past either end of the text', () => {
    expect(matchTextAt('a b c', 2, 'b c', 0)).toBe(false);
    expect(matchTextAt('a b c', 2, 'a b', 2)).toBe(false);
  });
});
