import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collapseWhitespace,
  hasWordCode,
  isDigitCode,
  isJoinerAt,
  isPhoneSeparatorCode,
  isWhitespaceCode,
  isWordCode,
} from './char-class.js';

const code = (character: string): number => character.charCodeAt(0);

describe('isWordCode', () => {
  it.each([
    ['a', true],
    ['Z', true],
    ['7', true],
    ['é', true],
    ['ß', true],
    ['Ж', true],
    ['中', true],
    ['\u0301', true], // combining acute accent
    ['٣', true], // Arabic-Indic digit
    ['\ud83c', true], // a surrogate half of an emoji
    ['_', false],
    ['-', false],
    [' ', false],
    ['\u00a0', false],
    ['\u200b', false],
    ['…', false],
    ['"', false],
  ])('should classify %j as a word character: %s', (character, expected) => {
    expect(isWordCode(code(character))).toBe(expected);
  });

  it('should agree with the Unicode letter, number and mark classes on every BMP code unit outside surrogates', () => {
    const disagreements: number[] = [];
    for (let unit = 0; unit < 0x10000; unit += 1) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      if (isWordCode(unit) !== /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(unit))) disagreements.push(unit);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('isWhitespaceCode', () => {
  it('should agree with `\\s` on every code unit', () => {
    const disagreements: number[] = [];
    for (let unit = 0; unit < 0x10000; unit += 1) {
      if (isWhitespaceCode(unit) !== /\s/.test(String.fromCharCode(unit))) disagreements.push(unit);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('isDigitCode', () => {
  it.each([
    ['0', true],
    ['9', true],
    ['a', false],
    ['٣', false],
  ])('should read %j as an ASCII digit: %s', (character, expected) => {
    expect(isDigitCode(code(character))).toBe(expected);
  });
});

describe('isJoinerAt', () => {
  it.each([
    ['A-12', 1, true],
    ['a_b', 1, true],
    ['a.b', 1, true],
    ['a/b', 1, true],
    ['a\\b', 1, true],
    ['a@b', 1, true],
    ['a:b', 1, true],
    ['#1', 0, true],
    ['a+b', 1, true],
    ['5%', 1, true],
    ['~x', 0, true],
    ['40,000', 2, true],
    ['40, 000', 2, false],
    ['a,b', 1, false],
    [',5', 0, false],
    ['a b', 1, false],
    ['a;b', 1, false],
    ['a(b', 1, false],
  ])('should read %j at %i as a joiner: %s', (text, index, expected) => {
    expect(isJoinerAt(text, index)).toBe(expected);
  });
});

describe('isPhoneSeparatorCode', () => {
  it.each([
    [' ', true],
    ['\t', true],
    ['-', true],
    ['.', true],
    ['(', true],
    [')', true],
    ['+', false],
    ['/', false],
    ['1', false],
  ])('should read %j as a phone separator: %s', (character, expected) => {
    expect(isPhoneSeparatorCode(code(character))).toBe(expected);
  });
});

describe('collapseWhitespace', () => {
  it.each([
    ['  Q3\n  report.pdf ', 'Q3 report.pdf'],
    ['a\u00a0\u2003b', 'a b'],
    ['\t\r\n', ''],
    ['one', 'one'],
    ['one two', 'one two'],
    ['one two ', 'one two'],
    [' one', 'one'],
    ['one  two', 'one two'],
    ['', ''],
    [' ', ''],
  ])('should collapse %j to %j', (text, expected) => {
    expect(collapseWhitespace(text)).toBe(expected);
  });

  it('should agree with trimming and replacing every \\s run', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\t', '\u00a0', '\u2028', '\ufeff', '-'), maxLength: 12 }), (text) => {
        expect(collapseWhitespace(text)).toBe(text.trim().replace(/\s+/gu, ' '));
      }),
    );
  });
});

describe('hasWordCode', () => {
  it.each([
    ['--', false],
    ['(!)', false],
    ['', false],
    ['-a-', true],
    ['🎉', true],
  ])('should find a word character in %j: %s', (text, expected) => {
    expect(hasWordCode(text)).toBe(expected);
  });
});
