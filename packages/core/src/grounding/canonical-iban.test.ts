import { describe, expect, it } from 'vitest';
import { canonicalIban, ibanChecksumIsValid } from './canonical-iban.js';

describe('canonicalIban', () => {
  it.each([
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['DE89370400440532013000', 'DE89370400440532013000'],
    ['de89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['GB82 WEST 1234 5698 7654 32', 'GB82WEST12345698765432'],
    ['NO93 8601 1117 947', 'NO9386011117947'],
    ['DE89 37040044 0532013000', 'DE89370400440532013000'],
  ])('should read %j as %j', (text, expected) => {
    expect(canonicalIban(text)).toBe(expected);
  });

  it.each([
    ['DE89 3704 0044 0532 0130 01', 'a wrong checksum'],
    ['DE 89 3704 0044 0532 0130 00', 'a space inside the country code group'],
    ['DE89-3704-0044-0532-0130-00', 'dashes'],
    ['DE89  3704 0044 0532 0130 00', 'two spaces (callers collapse them first)'],
    ['DE8937040044', 'too short'],
    [`DE89${'0'.repeat(31)}`, 'too long'],
    ['1234 3704 0044 0532 0130 00', 'no country code'],
  ])('should not read %j as an IBAN (%s)', (text) => {
    expect(canonicalIban(text)).toBeUndefined();
  });
});

describe('ibanChecksumIsValid', () => {
  it('should accept a valid IBAN and reject it with two digits swapped', () => {
    expect(ibanChecksumIsValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanChecksumIsValid('GB82WEST12345698765423')).toBe(false);
  });
});
