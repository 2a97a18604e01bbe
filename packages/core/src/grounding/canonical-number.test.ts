import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NUMBER_LENGTH, canonicalJsNumber, canonicalNumber } from './canonical-number.js';

describe('canonicalNumber', () => {
  it.each([
    ['40', '40'],
    ['-3', '-3'],
    ['40.50', '40.5'],
    ['40.0', '40'],
    ['0', '0'],
    ['-0', '0'],
    ['-0.000', '0'],
    ['0.50', '0.5'],
    ['1,000', '1000'],
    ['1,000.50', '1000.5'],
    ['12,345,678', '12345678'],
    ['12345678901234567890123', '12345678901234567890123'],
  ])('should read %j as %j', (text, expected) => {
    expect(canonicalNumber(text)).toBe(expected);
  });

  it.each([
    ['007', 'a leading zero is part of an id'],
    ['00.5', 'a leading zero before the point'],
    ['-007', 'a signed leading zero'],
    ['1 000', 'space-grouped digits may be two values'],
    ['1,00', 'a comma group of two digits'],
    ['1000,000', 'a first group of four digits'],
    ['+40', 'a plus sign'],
    ['.5', 'no integer part'],
    ['5.', 'an empty fraction'],
    ['1e3', 'an exponent'],
    ['1.2.3', 'a version'],
    ['0x1f', 'hex'],
    ['', 'nothing'],
    ['1'.repeat(MAX_NUMBER_LENGTH + 1), 'more digits than a number has'],
  ])('should not read %j as a number (%s)', (text) => {
    expect(canonicalNumber(text)).toBeUndefined();
  });
});

describe('canonicalJsNumber', () => {
  it.each([
    [40, '40'],
    [40.5, '40.5'],
    [-3, '-3'],
    [-0, '0'],
    [0.1, '0.1'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.5e22, '-25000000000000000000000'],
    [123456789.125, '123456789.125'],
  ])('should write %d as %j', (value, expected) => {
    expect(canonicalJsNumber(value)).toBe(expected);
  });

  it('should give the form canonicalNumber gives the same number written out', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (value) => {
        const canonical = canonicalJsNumber(value);
        expect(Number(canonical)).toBe(value === 0 ? 0 : value);
        if (canonical.length <= MAX_NUMBER_LENGTH) expect(canonicalNumber(canonical)).toBe(canonical);
      }),
      { numRuns: 500 },
    );
  });
});
