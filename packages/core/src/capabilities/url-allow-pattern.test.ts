import { describe, expect, it } from 'vitest';
import { compileUrlAllowList, parseUrlAllowPattern } from './url-allow-pattern.js';

describe('parseUrlAllowPattern', () => {
  it.each([
    ['docs.corp.io', { type: 'host', text: 'docs.corp.io', host: { type: 'exact', text: 'docs.corp.io', host: 'docs.corp.io' } }],
    ['*.corp.io', { type: 'host', text: '*.corp.io', host: { type: 'subdomains', text: '*.corp.io', domain: 'corp.io' } }],
    ['*', { type: 'host', text: '*', host: { type: 'any', text: '*' } }],
    ['https://docs.corp.io/public/', { type: 'prefix', text: 'https://docs.corp.io/public/', protocol: 'https:', host: 'docs.corp.io', port: '', path: '/public/' }],
    ['HTTP://Docs.Corp.IO:8080/a', { type: 'prefix', text: 'HTTP://Docs.Corp.IO:8080/a', protocol: 'http:', host: 'docs.corp.io', port: '8080', path: '/a' }],
    ['https://a.io', { type: 'prefix', text: 'https://a.io', protocol: 'https:', host: 'a.io', port: '', path: '/' }],
    ['https://a.io:443/x', { type: 'prefix', text: 'https://a.io:443/x', protocol: 'https:', host: 'a.io', port: '', path: '/x' }],
  ])('should parse %j', (text, pattern) => {
    expect(parseUrlAllowPattern(text)).toEqual({ type: 'ok', pattern });
  });

  it.each([
    ['docs.corp.io/public', 'is neither a host glob nor a URL'],
    ['ftp://files.corp.io/', 'is neither a host glob nor a URL'],
    ['Docs.corp.io', 'has upper-case letters'],
    ['*corp.io', 'has `*` outside a leading `*.` label'],
    ['https://', 'is not a valid URL'],
    ['https://user:pw@a.io/', 'has credentials'],
    ['https://a.io/x?q=1', 'has a query or fragment'],
    ['https://a.io/x#top', 'has a query or fragment'],
    ['https://*.corp.io/', 'use a host glob such as `*.corp.io` instead'],
    ['', 'is empty'],
  ])('should refuse %j', (text, message) => {
    const result = parseUrlAllowPattern(text);
    expect(result.type).toBe('error');
    expect(result.type === 'error' && result.message).toContain(message);
  });
});

describe('compileUrlAllowList', () => {
  const allowed = compileUrlAllowList(['*.corp.io', 'docs.example.com', 'https://a.io/pub', 'https://b.io/files/', 'http://c.io:8080']);

  it.each([
    ['https://docs.corp.io/anything', true],
    ['https://x.y.corp.io/', true],
    ['https://corp.io/', false],
    ['http://docs.example.com:9999/x', true],
    ['wss://docs.example.com/socket', true],
    ['https://DOCS.Example.com./x', true],
    ['https://docs.example.com.evil.io/', false],
    ['https://evil.io/?u=https://docs.example.com', false],
    ['https://docs.example.com@evil.io/', false],
    ['javascript://docs.example.com/%0aalert(1)', false],
    ['https://a.io/pub', true],
    ['https://a.io/pub/x', true],
    ['https://a.io/pub?x=1', true],
    ['https://a.io/pub#frag', true],
    ['https://a.io/public', false],
    ['https://a.io/', false],
    ['http://a.io/pub', false],
    ['https://a.io:8443/pub', false],
    ['https://A.IO/pub/x', true],
    ['https://a.io/pub/../secret', false],
    ['https://a.io/pub/%2e%2e/secret', false],
    ['https://a.io/pub/..%2fsecret', false],
    ['https://a.io/pub/..%5Csecret', false],
    ['https://a.io/pub\\..\\secret', false],
    ['https://a.io/PUB', false],
    ['https://b.io/files/x', true],
    ['https://b.io/files', false],
    ['http://c.io:8080/anything', true],
    ['http://c.io/anything', false],
    ['not a url', false],
    ['/relative/path', false],
    ['', false],
  ])('should decide %j as %s', (url, expected) => {
    expect(allowed(url)).toBe(expected);
  });

  it('should allow nothing with an empty list', () => {
    expect(compileUrlAllowList([])('https://a.io/')).toBe(false);
  });

  it('should ignore entries that do not parse', () => {
    const check = compileUrlAllowList(['https://user@a.io/', 'Docs.corp.io', 42 as unknown as string]);
    expect(check('https://a.io/')).toBe(false);
    expect(check('https://docs.corp.io/')).toBe(false);
  });

  it('should never match a value that is not a string', () => {
    expect(compileUrlAllowList(['*'])(undefined as unknown as string)).toBe(false);
  });
});
