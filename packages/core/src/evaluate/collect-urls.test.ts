import { describe, expect, it } from 'vitest';
import { collectUrls } from './collect-urls.js';

const KNOWN = { url: 'https://a.io/x', labels: ['known'] };

describe('collectUrls', () => {
  it('should keep the grounded URLs as given and add every other URL, by canonical form, with no labels', () => {
    expect(collectUrls('see https://A.io/x and https://b.io, https://a.io/x', [KNOWN], false)).toEqual([KNOWN, { url: 'https://b.io', labels: [] }]);
  });

  it('should read lists of strings and nested values as extractUrlsFromValue does', () => {
    expect(collectUrls(['https://b.io', 'x'], [], false)).toEqual([{ url: 'https://b.io', labels: [] }]);
    expect(collectUrls({ 'https://k.io': ['www.c.io'] }, undefined, false)).toEqual([
      { url: 'https://k.io', labels: [] },
      { url: 'www.c.io', labels: [] },
    ]);
    expect(collectUrls(new URL('https://u.io/p'), undefined, false)).toEqual([{ url: 'https://u.io/p', labels: [] }]);
  });

  it('should find nothing in numbers, booleans and missing values', () => {
    for (const value of [42, true, null, undefined]) expect(collectUrls(value, [KNOWN], false)).toEqual([KNOWN]);
  });

  it('should trust the session with the URLs of a string only when the string does not begin with one', () => {
    expect(collectUrls('see https://b.io', [], true)).toEqual([]);
    expect(collectUrls('see https://b.io', [], false)).toEqual([{ url: 'https://b.io', labels: [] }]);
    // Read whole, this string is a URL for evil.com, which `extractUrls` alone does not report.
    expect(collectUrls('https://a.com"@evil.com', [{ url: 'https://a.com', labels: ['known'] }], true)).toEqual([
      { url: 'https://a.com', labels: ['known'] },
      { url: 'https://a.com"@evil.com', labels: [] },
    ]);
  });
});
