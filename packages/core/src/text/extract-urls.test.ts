import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractUrls, extractUrlsFromValue } from './extract-urls.js';

const MEGABYTE = 1024 * 1024;

function hostile(unit: string): string {
  return unit.repeat(Math.ceil(MEGABYTE / unit.length));
}

describe('extractUrls', () => {
  it.each([
    ['plain text', 'go to https://a.io/p now', ['https://a.io/p']],
    ['http and https', 'http://a.io and https://b.io', ['http://a.io', 'https://b.io']],
    ['a JSON string', '{"url":"https://a.io/x?y=1&z=2","n":1}', ['https://a.io/x?y=1&z=2']],
    ['JSON array without spaces', '["https://a.io","https://b.io"]', ['https://a.io', 'https://b.io']],
    ['a markdown link', 'read [x](https://a.io/p) first', ['https://a.io/p']],
    ['a markdown autolink', '[https://a.io](https://a.io/q)', ['https://a.io', 'https://a.io/q']],
    ['angle brackets', 'mail <https://a.io/p>', ['https://a.io/p']],
    ['after =', 'href=https://a.io/p&x', ['https://a.io/p&x']],
    ['single quotes', "url='https://a.io/p'", ['https://a.io/p']],
    ['an apostrophe in the path', "'https://a.io/it's'", ["https://a.io/it's"]],
    ['double quotes', 'url="https://a.io/p"', ['https://a.io/p']],
    ['backticks', 'run `curl https://a.io/p`', ['https://a.io/p']],
    ['a sentence end', 'See https://a.io/p.', ['https://a.io/p']],
    ['stacked punctuation', 'Really https://a.io/p?!...', ['https://a.io/p']],
    ['a colon', 'at https://a.io: it', ['https://a.io']],
    ['a parenthesised URL', '(see https://a.io/p)', ['https://a.io/p']],
    ['balanced parentheses', 'https://en.wikipedia.org/wiki/Foo_(bar).', ['https://en.wikipedia.org/wiki/Foo_(bar)']],
    ['an unbalanced bracket', '[https://a.io/p]', ['https://a.io/p']],
    ['an IPv6 host', 'http://[::1]:8080/x', ['http://[::1]:8080/x']],
    ['markdown bold', '**https://a.io/p**', ['https://a.io/p']],
    ['a query and fragment', 'https://a.io/p?q=1#frag', ['https://a.io/p?q=1#frag']],
    ['a comma-joined list', 'https://a.io,https://b.io;https://c.io', ['https://a.io', 'https://b.io', 'https://c.io']],
    ['an upper-case scheme, kept as written', 'HTTPS://A.IO/X', ['HTTPS://A.IO/X']],
    ['a www link', 'visit www.a.io/p.', ['www.a.io/p']],
    ['an upper-case www link', 'WWW.A.IO', ['WWW.A.IO']],
    ['www after a colon', 'site:www.a.io', ['www.a.io']],
    ['a non-ASCII host and path', 'https://例え.jp/パス です', ['https://例え.jp/パス']],
    ['a non-breaking space', 'https://a.io\u00a0next', ['https://a.io']],
  ])('should find the URL in %s', (_name, text, expected) => {
    expect(extractUrls(text)).toEqual(expected);
  });

  it.each([
    ['no URL', 'nothing here'],
    ['a bare scheme', 'https:// and http://.'],
    ['www inside a path', '/var/www.old/x'],
    ['www inside a host', 'foo.www.a.io'],
    ['www inside a word', 'awww.a.io'],
    ['www in an e-mail address', 'me@www.a.io'],
    ['a lone www', 'www. and www..'],
    ['other schemes', 'ftp://a.io mailto:me@a.io file:///etc/passwd'],
  ])('should find nothing in %s', (_name, text) => {
    expect(extractUrls(text)).toEqual([]);
  });

  it('should deduplicate and keep first-seen order', () => {
    expect(extractUrls('https://b.io https://a.io https://b.io www.c.io https://a.io')).toEqual([
      'https://b.io',
      'https://a.io',
      'www.c.io',
    ]);
  });

  it('should keep a URL whole when a closing bracket is followed by more of it', () => {
    // Cutting at `)` would hide the real host: a URL parser reads `evil.com` here.
    expect(extractUrls('https://allowed.com)@evil.com')).toEqual(['https://allowed.com)@evil.com']);
    expect(extractUrls('https://allowed.com(www.x)@evil.com')).toEqual(['https://allowed.com(www.x)@evil.com']);
  });

  it('should keep invisible characters that a host name drops', () => {
    expect(extractUrls('https://allowed\u200b.evil.com/x')).toEqual(['https://allowed\u200b.evil.com/x']);
  });

  it('should only return substrings that start like a URL', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('https://', 'http://', 'www.', 'a', '.', ',', '(', ')', '[', ']', "'", '"', ' ', '/', '@', 'é')),
        (parts) => {
          const text = parts.join('');
          for (const url of extractUrls(text)) {
            expect(text).toContain(url);
            expect(/^(https?:\/\/|www\.)./i.test(url)).toBe(true);
          }
        },
      ),
    );
  });

  it.each([
    ['repeated schemes', 'https://'],
    ['comma-joined schemes', ',https://'],
    ['quoted schemes', "'https://a'"],
    ['repeated www', 'www.'],
    ['spaced www', ' www.a'],
    ['near-miss schemes', 'http:/'],
    ['letters', 'h'],
    ['parentheses inside one URL', 'https://a.io/('],
    ['parenthesised URLs', '(https://a.io)'],
    ['brackets', ']['],
  ])('should finish on 1 MB of %s', (_name, unit) => {
    const urls = extractUrls(hostile(unit));
    expect(Array.isArray(urls)).toBe(true);
  });

  it('should finish on a URL with 1 MB of trailing punctuation', () => {
    expect(extractUrls(`https://a.io/p${hostile('.)')}`)).toEqual(['https://a.io/p']);
    // An even run of quotes is balanced, so it stays; the point is that trimming it is not quadratic.
    expect(extractUrls(`https://a.io/p${hostile("'")}`)).toHaveLength(1);
    expect(extractUrls(`https://a.io/p${hostile(')')}`)).toEqual(['https://a.io/p']);
  });
});

describe('extractUrlsFromValue', () => {
  it('should find URLs in nested arrays and objects, keys included', () => {
    const value = {
      to: ['https://a.io', { cc: 'see www.b.io' }],
      'https://key.io/x': 1,
      n: 42,
      flag: true,
      nothing: null,
    };
    expect(extractUrlsFromValue(value)).toEqual(['https://a.io', 'www.b.io', 'https://key.io/x']);
  });

  it('should find URLs in a bare string', () => {
    expect(extractUrlsFromValue('x https://a.io y')).toEqual(['https://a.io']);
  });

  it('should read URL objects through their href', () => {
    expect(extractUrlsFromValue({ target: new URL('https://A.io/p') })).toEqual(['https://a.io/p']);
  });

  it('should also report a URL-like string whole when a URL parser reads more of it', () => {
    expect(extractUrlsFromValue({ url: 'https://allowed.com"@evil.com' })).toEqual([
      'https://allowed.com',
      'https://allowed.com"@evil.com',
    ]);
    expect(extractUrlsFromValue(' https://allowed.com @evil.com\n')).toEqual([
      'https://allowed.com',
      'https://allowed.com @evil.com',
    ]);
  });

  it('should not repeat a whole string that only lost trailing punctuation or lists URLs', () => {
    expect(extractUrlsFromValue({ url: 'https://a.io/p.' })).toEqual(['https://a.io/p']);
    expect(extractUrlsFromValue({ urls: 'https://a.io,https://b.io' })).toEqual(['https://a.io', 'https://b.io']);
  });

  it('should ignore inherited, symbol-keyed and non-enumerable properties', () => {
    const value = Object.create({ inherited: 'https://proto.io' }) as Record<PropertyKey, unknown>;
    value[Symbol('s')] = 'https://symbol.io';
    Object.defineProperty(value, 'hidden', { value: 'https://hidden.io', enumerable: false });
    value.own = 'https://own.io';
    expect(extractUrlsFromValue(value)).toEqual(['https://own.io']);
  });

  it('should survive cycles', () => {
    const value: Record<string, unknown> = { url: 'https://a.io' };
    value.self = value;
    value.list = [value, 'https://b.io'];
    expect(extractUrlsFromValue(value)).toEqual(['https://a.io', 'https://b.io']);
  });

  it('should stop descending below 64 levels', () => {
    let shallow: unknown = 'https://shallow.io';
    for (let depth = 0; depth < 64; depth += 1) shallow = [shallow];
    expect(extractUrlsFromValue(shallow)).toEqual(['https://shallow.io']);
    let deep: unknown = 'https://deep.io';
    for (let depth = 0; depth < 100_000; depth += 1) deep = { next: deep };
    expect(extractUrlsFromValue(deep)).toEqual([]);
  });

  it('should finish on a wide value', () => {
    const wide = Array.from({ length: 100_000 }, (_, index) => `https://a.io/${index % 10}`);
    expect(extractUrlsFromValue(wide)).toHaveLength(10);
  });
});

// `extractUrlsFromValue` scans a whole string; behind a leading word it reports nothing else, so it is the reference
// for `extractUrls`, which scans only the words holding a URL start.
function scannedWhole(text: string): string[] {
  return extractUrlsFromValue(`x ${text}`);
}

// Pieces that exercise the scanner's edges: prefixes in any case, splits, brackets, quotes, punctuation, blanks.
const PIECES = [
  'http://', 'https://', 'HTTPS://', 'hTtP://', 'www.', 'WWW.', 'wWw.', 'a.io', 'b.com/p', '/x', '?q=1', '#f', '.', ',', ';', ':', '!',
  '?', '*', '(', ')', '[', ']', "'", '"', '<', '>', '`', '{', '}', '|', '\\', '@', '-', '_', ' ', '  ', '\t', '\n', '\u0000', '\u00a0',
  '\u2028', '\u200b', 'ſ', 'K', 'é', '例え', 'word', 'x', '1', '%20',
];

describe('extractUrls reads only the words that can hold a URL', () => {
  it.each([
    ['', []],
    ['no link here', []],
    ['Runbook: https://intranet.corp.io/runbook/42. Thanks', ['https://intranet.corp.io/runbook/42']],
    ['https://a.io,https://b.io;https://c.io and www.d.io', ['https://a.io', 'https://b.io', 'https://c.io', 'www.d.io']],
    ['/var/www.old and a@www.x are not links, (www.y.io) is', ['www.y.io']],
    ["'https://a.io/it's' twice: https://a.io/it's", ["https://a.io/it's"]],
  ])('should find in %j what a scan of the whole text finds', (text, urls) => {
    expect(extractUrls(text)).toEqual(urls);
    expect(extractUrls(text)).toEqual(scannedWhole(text));
  });

  it('should equal a scan of the whole text on any text built from URL pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(extractUrls(text)).toEqual(scannedWhole(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('should equal a scan of the whole text on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(extractUrls(text)).toEqual(scannedWhole(text));
      }),
      { numRuns: 300 },
    );
  });
});
