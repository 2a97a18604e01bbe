import { describe, expect, it } from 'vitest';
import { canonicalUrl, urlHost } from './canonical-url.js';

describe('canonicalUrl', () => {
  it.each([
    ['HTTPS://Example.COM/Path', 'https://example.com/Path'],
    ['http://a.com:80/x', 'http://a.com/x'],
    ['https://a.com:443/x', 'https://a.com/x'],
    ['http://a.com:443/x', 'http://a.com:443/x'],
    ['https://a.com:80/x', 'https://a.com:80/x'],
    ['https://a.com:8443', 'https://a.com:8443'],
    ['https://a.com/', 'https://a.com'],
    ['https://a.com', 'https://a.com'],
    ['https://a.com/?q=1', 'https://a.com?q=1'],
    ['https://a.com/#top', 'https://a.com#top'],
    ['https://a.com./p', 'https://a.com/p'],
    ['https://a.com/p/', 'https://a.com/p/'],
    ['https://a.com/A/b?Q=%7E#Frag', 'https://a.com/A/b?Q=%7E#Frag'],
    ['https://a.com/a/../b', 'https://a.com/b'],
    ['https://user:pw@A.com/x', 'https://user:pw@a.com/x'],
    ['https://[::1]:443/x', 'https://[::1]/x'],
    ['https://0x7f.1/', 'https://127.0.0.1'],
    ['https://例え.JP/p', 'https://xn--r8jz45g.jp/p'],
    ['  https://a.com/p\n', 'https://a.com/p'],
  ])('should canonicalise %j as %j', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it.each([
    ['www.x.com/p', 'https://www.x.com/p'],
    ['WWW.X.com', 'https://www.x.com'],
    ['www.x.com:443/p?q', 'https://www.x.com/p?q'],
  ])('should read the scheme-less link %j as https', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it.each([
    ['ftp://a.com/x'],
    ['javascript:alert(1)'],
    ['mailto:me@a.com'],
    ['file:///etc/passwd'],
    ['data:text/plain,https://a.com'],
    ['a.com/p'],
    ['/relative/path'],
    ['https://'],
    ['http://exa mple.com'],
    ['https://a.com..'],
    ['https://./'],
    [''],
    ['www'],
  ])('should return undefined for %j', (input) => {
    expect(canonicalUrl(input)).toBeUndefined();
  });

  it('should give one form for equivalent spellings', () => {
    const spellings = ['https://a.com', 'HTTPS://A.COM/', 'https://a.com:443', 'https://a.com.', 'https://a.com/?#'];
    expect(new Set(spellings.map(canonicalUrl))).toEqual(new Set(['https://a.com']));
  });
});

describe('urlHost', () => {
  it.each([
    ['https://user@API.Example.com.:8443/x', 'api.example.com'],
    ['www.X.com/p', 'www.x.com'],
    ['http://[::1]:8080/', '[::1]'],
    // What a URL parser (and so `fetch`) reads, not what a reader sees.
    ['https://allowed.com"@evil.com', 'evil.com'],
    ['https://allowed.com @evil.com', 'evil.com'],
    ['https://allowed.com\\@evil.com', 'allowed.com'],
    ['https:evil.com', 'evil.com'],
  ])('should return the host of %j as %j', (input, expected) => {
    expect(urlHost(input)).toBe(expected);
  });

  it('should return undefined for a non-http(s) URL', () => {
    expect(urlHost('ftp://a.com')).toBeUndefined();
    expect(urlHost('not a url')).toBeUndefined();
  });
});
