import { describe, expect, it } from 'vitest';
import { extractValues } from './extract-values.js';
import { tokenize } from './tokenize.js';

function extract(text: string, asField = false): string[] {
  const found = new Set<string>();
  extractValues(text, tokenize(text), asField, (kind, canonical) => found.add(`${kind}:${canonical}`));
  return [...found].sort();
}

describe('extractValues', () => {
  describe('numbers', () => {
    it.each([
      ['refund 40 EUR', ['number:40']],
      ['"amount": 40,', ['number:40']],
      ['(40)', ['number:40']],
      ['refund 40.', ['number:40']],
      ['40.50 and 1,000.50', ['number:1000.5', 'number:40.5']],
      ['temp -3 today', ['number:-3']],
      ['x-3', []],
      ['+40', []],
      ['50', ['number:50']],
      ['2024-05-01', []],
      ['v5', []],
      ['007', []],
      ['40,000', ['number:40000']],
      ['1 000', ['number:1']],
    ])('should find the whole numbers of %j', (text, expected) => {
      expect(extract(text).filter((value) => value.startsWith('number:'))).toEqual(expected);
    });
  });

  describe('e-mail addresses', () => {
    it.each([
      ['Write to Rita@Corp.io today', ['email:rita@corp.io']],
      ['joann@corp.io', ['email:joann@corp.io']],
      ['<mailto:ann@corp.io>', ['email:ann@corp.io']],
      ['rita@corp.io,bob@corp.io', ['email:bob@corp.io', 'email:rita@corp.io']],
      ['x+ann@corp.io', ['email:x+ann@corp.io']],
      ['https://a.io/u/ann@corp.io', []],
      ['ann@corp.io/x', []],
    ])('should find the whole e-mail addresses of %j', (text, expected) => {
      expect(extract(text).filter((value) => value.startsWith('email:'))).toEqual(expected);
    });
  });

  describe('IBANs', () => {
    it.each([
      ['IBAN: DE89 3704 0044 0532 0130 00.', ['iban:DE89370400440532013000']],
      ['IBAN DE89370400440532013000 ok', ['iban:DE89370400440532013000']],
      ['de89 3704 0044 0532 0130 00', ['iban:DE89370400440532013000']],
      ['xDE89 3704 0044 0532 0130 00', []],
      ['DE89 3704 0044 0532 0130 00-1', []],
    ])('should find the whole IBANs of %j', (text, expected) => {
      expect(extract(text).filter((value) => value.startsWith('iban:'))).toEqual(expected);
    });
  });

  describe('phone numbers', () => {
    it.each([
      ['call +44 20 7946 0958 now', ['phone:+442079460958']],
      ['call 020 7946 0958.', ['phone:02079460958']],
      ['(555) 123-4567 (home)', ['phone:5551234567']],
      ['+1 (555) 123 4567', ['phone:+15551234567']],
      ['tel:0791234567', []],
      ['id x555-123-4567', []],
      ['12 020 7946 0958', ['phone:1202079460958']],
      ['192.168.1.10', []],
      ['1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6', []],
    ])('should find the whole phone numbers of %j', (text, expected) => {
      expect(extract(text).filter((value) => value.startsWith('phone:'))).toEqual(expected);
    });
  });

  describe('URLs', () => {
    it('should canonicalise the URLs extractUrls finds', () => {
      expect(extract('see https://A.io/p/, or www.b.com.').filter((value) => value.startsWith('url:'))).toEqual([
        'url:https://a.io/p',
        'url:https://www.b.com',
      ]);
    });

    it('should not look for URLs in a text the caller knows holds none', () => {
      const found: string[] = [];
      extractValues('see https://a.io/p', tokenize('see https://a.io/p'), false, (kind, canonical) => found.push(`${kind}:${canonical}`), false);
      expect(found).toEqual([]);
    });

    it('should also read a JSON field whole, as extractUrlsFromValue does', () => {
      expect(extract('https://a.com"@b.com').filter((value) => value.startsWith('url:'))).toEqual(['url:https://a.com']);
      expect(extract('https://a.com"@b.com', true).filter((value) => value.startsWith('url:'))).toEqual([
        'url:https://a.com',
        'url:https://a.com%22@b.com',
      ]);
    });
  });

  it.each([
    ['a.'.repeat(100_000)],
    ['DE89 '.repeat(20_000)],
    ['0 '.repeat(50_000)],
    ['('.repeat(50_000) + '1'.repeat(10) + ')'.repeat(50_000)],
    ['a@'.repeat(50_000)],
  ])('should read a long hostile text in linear time (%#)', (text) => {
    expect(Array.isArray(extract(text))).toBe(true);
  });
});
