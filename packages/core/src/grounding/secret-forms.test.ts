import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { MIN_ENCODED_SECRET_LENGTH, secretForms } from './secret-forms.js';

const SECRET = 'sk-live/4f9a+2c ü"\\';

function contains(forms: { exact: readonly string[]; caseless: readonly string[] }, text: string): boolean {
  return forms.exact.some((form) => text.includes(form)) || forms.caseless.some((form) => text.toLowerCase().includes(form.toLowerCase()));
}

describe('secretForms', () => {
  const forms = secretForms(SECRET);
  const bytes = Buffer.from(SECRET, 'utf8');
  const hex = bytes.toString('hex');

  it.each([
    ['verbatim', SECRET],
    ['JSON-escaped', JSON.stringify({ key: SECRET })],
    ['base64', bytes.toString('base64')],
    ['base64 without padding', bytes.toString('base64').replace(/=+$/, '')],
    ['base64url', bytes.toString('base64url')],
    ['lower-case hex', hex],
    ['upper-case hex', hex.toUpperCase()],
    ['hex with colons', hex.match(/../g)?.join(':') ?? ''],
    ['hex with spaces', hex.toUpperCase().match(/../g)?.join(' ') ?? ''],
    ['hex with dashes', hex.match(/../g)?.join('-') ?? ''],
    ['hex with commas', hex.match(/../g)?.join(',') ?? ''],
    ['\\x escapes', hex.match(/../g)?.map((pair) => `\\x${pair}`).join('') ?? ''],
    ['encodeURIComponent', encodeURIComponent(SECRET)],
    ['encodeURIComponent with lower-case escapes', encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())],
    ['+ for spaces', encodeURIComponent(SECRET).replaceAll('%20', '+')],
    ['form encoding', new URLSearchParams({ d: SECRET }).toString().slice(2)],
    ['every byte percent-encoded', hex.match(/../g)?.map((pair) => `%${pair}`).join('') ?? ''],
  ])('should cover the %s form', (_name, encoded) => {
    expect(contains(forms, `xx ${encoded} yy`)).toBe(true);
  });

  it.each([0, 1, 2, 3, 4, 5])('should cover base64 and base64url at an offset of %i bytes inside a longer string', (offset) => {
    const wrapped = Buffer.concat([Buffer.from('token='.slice(0, offset)), bytes, Buffer.from('&x=1')]);
    expect(contains(forms, wrapped.toString('base64'))).toBe(true);
    expect(contains(forms, wrapped.toString('base64url'))).toBe(true);
  });

  it(`should give a secret shorter than ${MIN_ENCODED_SECRET_LENGTH} characters its verbatim form only`, () => {
    expect(secretForms('abc')).toEqual({ exact: ['abc'], caseless: [] });
  });

  it('should keep every encoded form at least four characters long', () => {
    const short = secretForms('abcd');
    expect([...short.exact, ...short.caseless].every((form) => form.length >= 4)).toBe(true);
  });

  it('should encode a lone surrogate as the replacement character instead of throwing', () => {
    expect(secretForms('ab\ud800cd').caseless).toContain('6162efbfbd6364');
  });
});
