import { describe, expect, it } from 'vitest';
import { createTokenBuffer, DIGIT_FIRST, JOINED_NEXT, JOINED_PREVIOUS, SIGNED, tokenEndsValue, tokenStartsValue, tokenize } from './tokenize.js';
import { hashWord } from './word-hash.js';

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

  it('should flag words glued by joiners, digits after a sign and words led by a digit', () => {
    const tokens = tokenize('A-12, -3 and 40,000 x+y');
    expect(Array.from(tokens.flags)).toEqual([
      JOINED_NEXT,
      JOINED_PREVIOUS | SIGNED | DIGIT_FIRST,
      SIGNED | DIGIT_FIRST,
      0,
      JOINED_NEXT | DIGIT_FIRST,
      JOINED_PREVIOUS | DIGIT_FIRST,
      JOINED_NEXT,
      JOINED_PREVIOUS,
    ]);
  });

  it('should not glue words across a joiner run that holds another character', () => {
    const tokens = tokenize('a.-b a.;.b');
    expect(Array.from(tokens.flags)).toEqual([JOINED_NEXT, JOINED_PREVIOUS, 0, 0]);
  });
});

describe('tokenize with a buffer', () => {
  it('should reuse the buffer, growing it, and hash each word under its seed', () => {
    const buffer = createTokenBuffer(2);
    const text = 'one two-3 four five six seven';
    const tokens = tokenize(text, buffer, 7);
    expect(tokens).toBe(buffer);
    expect(tokens.count).toBe(7);
    for (let token = 0; token < tokens.count; token += 1) {
      expect(tokens.hashes[token]).toBe(hashWord(text, tokens.starts[token] as number, tokens.ends[token] as number, 7));
    }
    expect(tokenize('x y', buffer, 7).count).toBe(2);
    expect(Array.from(buffer.flags.subarray(0, 2))).toEqual([0, 0]);
  });

  it('should hash under seed 0 without a buffer', () => {
    expect(Array.from(tokenize('ab cd').hashes)).toEqual([hashWord('ab', 0, 2, 0), hashWord('cd', 0, 2, 0)]);
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
