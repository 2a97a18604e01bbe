import { describe, expect, it } from 'vitest';
import { hostSpecificity, matchHost, matchNormalizedHost, normalizeHost } from './match-host.js';
import { parseHostPattern, type HostPattern } from './parse-capability-pattern.js';

function pattern(text: string): HostPattern {
  const parsed = parseHostPattern(text);
  if (parsed.type === 'error') throw new Error(parsed.message);
  return parsed.pattern;
}

describe('matchHost', () => {
  it.each([
    ['*', 'example.com', true],
    ['*', 'localhost', true],
    ['*', 'not a host', true],
    ['example.com', 'example.com', true],
    ['example.com', 'EXAMPLE.com', true],
    ['example.com', 'example.com.', true],
    ['example.com', 'example.com:443', true],
    ['example.com', 'a.example.com', false],
    ['example.com', 'badexample.com', false],
    ['example.com', 'example.com.evil.io', false],
    ['*.example.com', 'a.example.com', true],
    ['*.example.com', 'a.b.example.com', true],
    ['*.example.com', 'A.Example.COM.', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'badexample.com', false],
    ['*.example.com', '.example.com', false],
    ['example.com.', 'example.com', true],
    ['127.0.0.1', '127.0.0.1:8080', true],
  ])('should match %j against %j as %s', (glob, host, expected) => {
    expect(matchHost(glob, host)).toBe(expected);
  });

  it('should accept a parsed pattern', () => {
    expect(matchHost(pattern('*.example.com'), 'a.example.com')).toBe(true);
  });

  it('should match nothing with a pattern that does not parse', () => {
    expect(matchHost('*example.com', 'example.com')).toBe(false);
    expect(matchHost('Example.com', 'example.com')).toBe(false);
  });
});

describe('normalizeHost', () => {
  it.each([
    ['Example.COM', 'example.com'],
    ['example.com.', 'example.com'],
    ['example.com:8443', 'example.com'],
    ['example.com.:8443', 'example.com'],
    ['_dmarc.example.com', '_dmarc.example.com'],
    ['[::1]', '[::1]'],
    ['[::1]:8080', '[::1]'],
    ['10.0.0.1', '10.0.0.1'],
    ['', undefined],
    ['.', undefined],
    ['example.com..', undefined],
    ['evil.com/path', undefined],
    ['user@evil.com', undefined],
    ['evil.com%2e', undefined],
    ['exa mple.com', undefined],
    ['ex\u0430mple.com', undefined],
    [`${'a'.repeat(254)}`, undefined],
  ])('should normalise %j to %j', (host, expected) => {
    expect(normalizeHost(host)).toBe(expected);
  });
});

describe('hostSpecificity', () => {
  it.each([
    ['*', 0],
    ['example.com', 2],
    ['*.example.com', 2],
    ['api.example.com', 3],
  ])('should give %j the specificity %i', (glob, expected) => {
    expect(hostSpecificity(pattern(glob))).toBe(expected);
  });
});

describe('matchNormalizedHost', () => {
  it('should match a host that did not normalise only with `*`', () => {
    expect(matchNormalizedHost(pattern('*'), undefined)).toBe(true);
    expect(matchNormalizedHost(pattern('example.com'), undefined)).toBe(false);
    expect(matchNormalizedHost(pattern('*.example.com'), undefined)).toBe(false);
  });
});
