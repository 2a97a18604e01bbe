import { describe, expect, it } from 'vitest';
import { canonicalPhone } from './canonical-phone.js';

describe('canonicalPhone', () => {
  it.each([
    ['+44 20 7946 0958', '+442079460958'],
    ['+442079460958', '+442079460958'],
    ['020 7946 0958', '02079460958'],
    ['(555) 123-4567', '5551234567'],
    ['555.123.4567', '5551234567'],
    ['+1 (555) 123 4567', '+15551234567'],
    ['+44 (0)20 7946 0958', '+4402079460958'],
    ['0791234567', '0791234567'],
    ['1234567', '1234567'],
  ])('should read %j as %j', (text, expected) => {
    expect(canonicalPhone(text)).toBe(expected);
  });

  it.each([
    ['123 456', 'six digits'],
    ['1234567890123456', 'sixteen digits'],
    ['192.168.1.10', 'an IPv4 address'],
    ['2024-05-01', 'an ISO date'],
    ['01.05.2024', 'a dotted date'],
    ['555--123-4567', 'two separators in a row'],
    ['+ 44 20 7946 0958', 'a space after the plus'],
    ['555 123 4567 x12', 'an extension'],
    ['(555 123 4567', 'an unclosed parenthesis'],
    ['5551234567-', 'a trailing separator'],
  ])('should not read %j as a phone number (%s)', (text) => {
    expect(canonicalPhone(text)).toBeUndefined();
  });
});
