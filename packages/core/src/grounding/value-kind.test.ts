import { describe, expect, it } from 'vitest';
import { canonicalValue, type ValueKind } from './value-kind.js';

describe('canonicalValue', () => {
  it.each<[string | number, ValueKind, string]>([
    ['ann@corp.io', 'email', 'ann@corp.io'],
    ['  Rita@Corp.IO ', 'email', 'rita@corp.io'],
    ['mailto:Bob@X.org', 'email', 'bob@x.org'],
    ['a.b+tag@sub.corp.co.uk', 'email', 'a.b+tag@sub.corp.co.uk'],
    ['https://a.io/p', 'url', 'https://a.io/p'],
    ['HTTPS://A.io/p/', 'url', 'https://a.io/p'],
    ['https://a.io/', 'url', 'https://a.io'],
    ['https://a.io/p/?q=1', 'url', 'https://a.io/p?q=1'],
    ['https://a.io/p?q=/', 'url', 'https://a.io/p?q=/'],
    ['www.b.com/x', 'url', 'https://www.b.com/x'],
    ['DE89 3704 0044 0532 0130 00', 'iban', 'DE89370400440532013000'],
    ['40', 'number', '40'],
    ['40.50', 'number', '40.5'],
    ['1,000.50', 'number', '1000.5'],
    ['-3', 'number', '-3'],
    ['1234567', 'number', '1234567'],
    ['+44 20 7946 0958', 'phone', '+442079460958'],
    ['0791234567', 'phone', '0791234567'],
    ['007', 'text', '007'],
    ['1 000', 'text', '1 000'],
    ['2024-05-01', 'text', '2024-05-01'],
    ['A-12', 'text', 'A-12'],
    ['Q3  report.pdf', 'text', 'Q3 report.pdf'],
    ['Riverside\n View Hotel', 'text', 'Riverside View Hotel'],
    ['/srv/Backups/latest.tar', 'text', '/srv/Backups/latest.tar'],
    ['https://a.io/p and more', 'text', 'https://a.io/p and more'],
    ['ftp://a.io/p', 'text', 'ftp://a.io/p'],
    ['ann@corp', 'text', 'ann@corp'],
    [40, 'number', '40'],
    [40.5, 'number', '40.5'],
    [-0, 'number', '0'],
    [1e21, 'number', '1000000000000000000000'],
    [Number.NaN, 'text', 'NaN'],
    [Number.POSITIVE_INFINITY, 'text', 'Infinity'],
  ])('should read %j as %s %j', (value, kind, canonical) => {
    expect(canonicalValue(value)).toEqual({ kind, canonical });
  });

  it.each(['', '   ', '\n\t'])('should return undefined for the blank string %j', (value) => {
    expect(canonicalValue(value)).toBeUndefined();
  });

  it('should return undefined for a value that is neither a string nor a number', () => {
    expect(canonicalValue({} as unknown as string)).toBeUndefined();
  });

  // The test timeout is the guard: a backtracking regular expression would take minutes here.
  it.each([
    ['a'.repeat(100_000) + '@', 'text'],
    [`a@${'a.'.repeat(50_000)}`, 'text'],
    ['1,'.repeat(50_000), 'text'],
    ['(1)'.repeat(30_000), 'text'],
    [`https://${'a'.repeat(100_000)}.io`, 'url'],
  ])('should classify a long hostile string in linear time (%#)', (text, kind) => {
    expect(canonicalValue(text)?.kind).toBe(kind);
  });
});
