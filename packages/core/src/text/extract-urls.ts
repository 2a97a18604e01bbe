// A hand-written scanner rather than a regular expression: URL-finding regexes with nested or adjacent
// unbounded quantifiers backtrack catastrophically on hostile input, and the scanner visits each character
// a bounded number of times, so the cost stays linear in the length of the text.

const MAX_DEPTH = 64;

// Every URL the scanner reports begins with one of these; `i` folds at least the ASCII case the scanner folds.
const URL_START = /https?:\/\/|www\./giu;

const SCHEME_HTTP = 'http://';
const SCHEME_HTTPS = 'https://';

/**
 * Every `http://` / `https://` URL and every scheme-less `www.` link in free text, as written, without
 * duplicates, in first-seen order.
 *
 * The text is read as prose: a URL ends at whitespace or at a character that cannot appear in a URL
 * (`"`, `<`, `>`, `\`, `` ` ``, `{`, `}`, `|`, control characters), and trailing punctuation that belongs to
 * the sentence is dropped (`.` `,` `;` `:` `!` `?` `*`, and `)` `]` `'` when they have no opening partner in
 * the URL). Two URLs joined by `,`, `;`, `(` or `'` with no space between are reported separately.
 * Escapes are not decoded (`https:\/\/…` inside raw JSON text is not found): parse JSON first and use
 * {@link extractUrlsFromValue}. A string that a tool will treat as one URL can mean something else to a
 * URL parser than to a reader (`https://a.com"@b.com` goes to `b.com`); {@link extractUrlsFromValue}
 * also reports such strings whole.
 *
 * @example
 * ```ts
 * extractUrls('See [docs](https://a.io/p), or www.b.com.'); // ['https://a.io/p', 'www.b.com']
 * ```
 */
export function extractUrls(text: string): string[] {
  const found = new Set<string>();
  // The scanner starts a URL only at `http://`, `https://` or `www.`, and a URL never spans a blank (a blank ends
  // it, is no part of a prefix, and is a word boundary before `www.`), so the URLs of a text are those of its
  // blank-separated words that hold such a start. A native search finds those words and only they are scanned:
  // most texts hold no URL, and the scanner walks every character it is given.
  URL_START.lastIndex = 0;
  for (let match = URL_START.exec(text); match !== null; match = URL_START.exec(text)) {
    let start = match.index;
    while (start > 0 && text.charCodeAt(start - 1) > 0x20) start -= 1;
    let end = match.index;
    while (end < text.length && text.charCodeAt(end) > 0x20) end += 1;
    scanRange(text, start, end, found);
    URL_START.lastIndex = end;
  }
  return [...found];
}

/**
 * Every URL (as {@link extractUrls} finds them) in the strings of a nested value: strings, array
 * elements, and the keys and values of own enumerable string-keyed properties, depth first.
 *
 * A string that itself begins with a URL is also reported whole (minus the leading and trailing spaces and
 * control characters a URL parser ignores) when the free-text reading stopped early (other than between two
 * joined URLs), because a tool that receives the string as a URL parses all of it. `URL` instances are read
 * through their `href`.
 *
 * Shared and cyclic references are visited once. Content nested more than 64 levels deep is not scanned
 * (the walk stops descending there); getters run as they would for `JSON.stringify`, so snapshot
 * untrusted values (e.g. a JSON round trip) before checking them if they could change between check and use.
 *
 * @example
 * ```ts
 * extractUrlsFromValue({ to: ['https://a.io'], body: 'see www.b.com' }); // ['https://a.io', 'www.b.com']
 * ```
 */
export function extractUrlsFromValue(value: unknown): string[] {
  const found = new Set<string>();
  walk(value, 0, new Set<object>(), found);
  return [...found];
}

function walk(value: unknown, depth: number, seen: Set<object>, found: Set<string>): void {
  if (typeof value === 'string') {
    scanValueString(value, found);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (value instanceof URL) {
    scanValueString(value.href, found);
    return;
  }
  if (seen.has(value) || depth >= MAX_DEPTH) return;
  seen.add(value);
  const isArray = Array.isArray(value);
  for (const key of Object.keys(value)) {
    // Array indices are never URLs; object keys can be (a map of URL to anything).
    if (!isArray) scanValueString(key, found);
    walk((value as Record<string, unknown>)[key], depth + 1, seen, found);
  }
}

function scanValueString(text: string, found: Set<string>): void {
  const stoppedAt = scanText(text, found);
  const start = skipParserIgnored(text);
  let end = text.length;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end -= 1;
  // The free-text reading ended before the string did: report what a URL parser would read too, unless
  // it ended at a split between two URLs, where the longer reading is no usable host (see `scanUrl`).
  if (stoppedAt !== -1 && stoppedAt < end && !isSplitAt(text, stoppedAt)) found.add(text.slice(start, end));
}

// The URL parser ignores leading C0 controls and spaces.
function skipParserIgnored(text: string): number {
  let index = 0;
  while (index < text.length && text.charCodeAt(index) <= 0x20) index += 1;
  return index;
}

/**
 * Adds the URLs of `text` to `found`. Returns where the scan of the URL starting at the first
 * non-blank character stopped, or -1 when the text does not start with a URL.
 */
function scanText(text: string, found: Set<string>): number {
  return scanRange(text, 0, text.length, found);
}

/**
 * `scanText` for the URLs that start in `[from, to)`; `to` must be the end of the text or a blank, which no URL
 * crosses. The character before `from` must be a blank when `from > 0`, as it is before a word.
 */
function scanRange(text: string, from: number, to: number, found: Set<string>): number {
  const leading = skipParserIgnored(text);
  let firstStop = -1;
  let index = from;
  while (index < to) {
    const prefix = urlPrefixLength(text, index);
    if (prefix === 0 || (prefix === 4 && !isWwwBoundary(text, index))) {
      index += 1;
      continue;
    }
    const stop = scanUrl(text, index, prefix, found);
    if (index === leading) firstStop = stop;
    index = stop;
  }
  return firstStop;
}

/** Length of the `http://`, `https://` or `www.` that starts at `index` (any case), else 0. */
function urlPrefixLength(text: string, index: number): number {
  if (startsWithIgnoringCase(text, index, SCHEME_HTTPS)) return SCHEME_HTTPS.length;
  if (startsWithIgnoringCase(text, index, SCHEME_HTTP)) return SCHEME_HTTP.length;
  if (startsWithIgnoringCase(text, index, 'www.')) return 4;
  return 0;
}

function isSplitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return (code === 0x2c || code === 0x3b || code === 0x28 || code === 0x27) && schemeAt(text, index + 1);
}

function schemeAt(text: string, index: number): boolean {
  return startsWithIgnoringCase(text, index, SCHEME_HTTPS) || startsWithIgnoringCase(text, index, SCHEME_HTTP);
}

function startsWithIgnoringCase(text: string, index: number, lowerPrefix: string): boolean {
  if (index + lowerPrefix.length > text.length) return false;
  for (let offset = 0; offset < lowerPrefix.length; offset += 1) {
    let code = text.charCodeAt(index + offset);
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    if (code !== lowerPrefix.charCodeAt(offset)) return false;
  }
  return true;
}

// `www.` inside a word, host name, path or e-mail address (`/var/www.old`, `a@www.x`) is not a link.
function isWwwBoundary(text: string, index: number): boolean {
  if (index === 0) return true;
  const code = text.charCodeAt(index - 1);
  if (isAsciiAlphanumeric(code)) return false;
  return !'.-_@/\\'.includes(String.fromCharCode(code));
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Characters that end a URL in prose: whitespace, controls, and ASCII that RFC 3986 never allows. */
function endsUrl(code: number): boolean {
  if (code <= 0x20 || code === 0x7f) return true;
  if (code < 0x80) return code === 0x22 || code === 0x3c || code === 0x3e || code === 0x5c || code === 0x60 || code === 0x7b || code === 0x7c || code === 0x7d;
  return isUnicodeSpace(code);
}

// C1 controls and real spaces end a URL, but invisible characters such as U+200B or U+FEFF do not: IDNA
// mapping drops them, so `allowed<U+200B>.evil.com` is the host `allowed.evil.com` and must be read whole.
function isUnicodeSpace(code: number): boolean {
  return (
    (code >= 0x80 && code <= 0xa0) ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Scans the URL whose prefix starts at `start`, records it, and returns where scanning should resume. */
function scanUrl(text: string, start: number, prefixLength: number, found: Set<string>): number {
  const bodyStart = start + prefixLength;
  let openParens = 0;
  let closeParens = 0;
  let openBrackets = 0;
  let closeBrackets = 0;
  let quotes = 0;
  let end = bodyStart;
  for (; end < text.length; end += 1) {
    const code = text.charCodeAt(end);
    if (endsUrl(code)) break;
    // `a,https://b` and `[x](https://b)` are two URLs. Splitting here cannot hide a host: the `//` that
    // follows ends the authority of the longer reading, whose host would then contain `,` `;` `(` or `'`.
    // (`www.` is not split on: `https://a.com(www.x)@evil.com` really is a URL for `evil.com`.)
    if (isSplitAt(text, end)) break;
    if (code === 0x28) openParens += 1;
    else if (code === 0x29) closeParens += 1;
    else if (code === 0x5b) openBrackets += 1;
    else if (code === 0x5d) closeBrackets += 1;
    else if (code === 0x27) quotes += 1;
  }
  const stop = end;
  let quoted = start > 0 && text.charCodeAt(start - 1) === 0x27;
  while (end > bodyStart) {
    const code = text.charCodeAt(end - 1);
    if (code === 0x2e || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f || code === 0x2a) {
      end -= 1;
    } else if (code === 0x29 && closeParens > openParens) {
      closeParens -= 1;
      end -= 1;
    } else if (code === 0x5d && closeBrackets > openBrackets) {
      closeBrackets -= 1;
      end -= 1;
    } else if (code === 0x27 && (quoted || quotes % 2 === 1)) {
      quoted = false;
      quotes -= 1;
      end -= 1;
    } else {
      break;
    }
  }
  if (end > bodyStart) found.add(text.slice(start, end));
  // Resuming at `stop`, not `end`: the trimmed tail is punctuation and cannot start another URL.
  return stop;
}
