import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractUrls, extractUrlsFromValue } from './extract-urls.js';
import { mayStartWithUrl, urlsOfString } from './urls-of-string.js';

// Pieces that make URL starts, word boundaries, splits, quotes, trailing punctuation and blanks likely.
const PIECES = ['http://', 'https://', 'HTTPS://', 'hTtP://', 'www.', 'WWW.', 'ww', 'w', '.', ',', ';', '(', ')', '[', ']', "'", '"', ' ', '\n', '\t', '\u00a0', '\u200b', '\u2028', 'a', 'b.com', '@', '/', '\\', ':', '?', '!', '*', '-', '_', '<', '>', '{', '}', '|', '`', '\u0000', '\u007f', 'ſ', 'é', 'x.io/p', '#', '%20'];
const textArb = fc.oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((pieces) => pieces.join('')), fc.string(), fc.string({ unit: 'grapheme' }));

describe('urlsOfString', () => {
  it('should find exactly what extractUrlsFromValue finds in a string, in the same order', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(urlsOfString(text)).toEqual(extractUrlsFromValue(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['prose with URLs', 'Runbook: https://intranet.corp.io/runbook/42. And www.b.com, ok', ['https://intranet.corp.io/runbook/42', 'www.b.com']],
    ['a string that is a URL a parser reads further', 'https://a.com"@evil.com', ['https://a.com', 'https://a.com"@evil.com']],
    ['two URLs joined in one word', 'x https://a.io,https://b.io y', ['https://a.io', 'https://b.io']],
    ['no URL', 'rita@corp.io', []],
  ])('should read %s', (_, text, expected) => {
    expect(urlsOfString(text)).toEqual(expected);
  });
});

describe('mayStartWithUrl', () => {
  it('should be true for every string extractUrlsFromValue reads more of than extractUrls', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        if (!mayStartWithUrl(text)) expect(extractUrlsFromValue(text)).toEqual(extractUrls(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('should see a URL after the blanks a URL parser ignores, in any case', () => {
    expect(['  HTTPS://a.io', '\twww.a.io', 'http://a'].map(mayStartWithUrl)).toEqual([true, true, true]);
    expect(['see https://a.io', 'ftp://a.io', 'wwwx.io'].map(mayStartWithUrl)).toEqual([false, false, false]);
  });
});
