import { describe, expect, it } from 'vitest';
import { JOINED_NEXT, JOINED_PREVIOUS, SIGNED, tokenEndsValue, tokenStartsValue, tokenize } from './tokenize.js';

function words(text: string): string[] {
  const tokens = tokenize(text);
  return Array.from({ length: tokens.count }, (_, token) => text.slice(tokens.starts[token], tokens.ends[token]));
}

describe('tokenize', () => {
  it.each([
    ['refund 40 EUR', ['refund', '40', 'EUR']],
    ['id A-12, ok', ['id', 'A', '12', 'ok']],
    ['ann@corp.io', ['ann', 'corp', 'io']],
    ['naïve café', ['naïve', 'café']],
    ['  --  ', []],
    ['', []],
    ['x🎉y', ['x🎉y']],
  ])('should split %j into %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('should flag words glued by joiners and digits after a sign', () => {
    const tokens = tokenize('A-12, -3 and 40,000');
    expect(Array.from(tokens.flags)).toEqual([JOINED_NEXT, JOINED_PREVIOUS | SIGNED, SIGNED, 0, JOINED_NEXT, JOINED_PREVIOUS]);
  });

  it('should not glue words across a joiner run that holds another character', () => {
    const tokens = tokenize('a.-b a.;.b');
    expect(Array.from(tokens.flags)).toEqual([JOINED_NEXT, JOINED_PREVIOUS, 0, 0]);
  });
});

describe('tokenStartsValue', () => {
  it.each([
    ['A-12', 0, true],
    ['A-12', 1, false],
    ['x -3', 1, false],
    ['x (3', 1, true],
  ])('should say whether a value may start at word %i of %j', (text, token, expected) => {
    expect(tokenStartsValue(tokenize(text), token)).toBe(expected);
  });
});

describe('tokenEndsValue', () => {
  it.each([
    ['A-12', 0, false],
    ['A-12', 1, true],
    ['refund 40.', 1, true],
    ['40.5', 0, false],
  ])('should say whether a value may end at word %i of %j', (text, token, expected) => {
    expect(tokenEndsValue(tokenize(text), token)).toBe(expected);
  });
});
