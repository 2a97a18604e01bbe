import { extractUrls, extractUrlsFromValue } from '../text/index.js';

// Every URL `extractUrls` reports starts with one of these (its scanner folds only ASCII case, as `i` does).
const URL_START = /https?:\/\/|www\./giu;

function isBlank(code: number): boolean {
  return code <= 0x20;
}

// The blanks a URL parser skips, then a prefix the scanner reads a URL from (without `u`, `i` folds ASCII only, as
// the scanner does).
const STARTS_WITH_URL = /^[\u0000-\u0020]*(?:https?:\/\/|www\.)/i;

/**
 * True unless the string surely does not begin with a URL (after the blanks a URL parser ignores). Only such a
 * string is also read whole, as one URL, by `extractUrlsFromValue`.
 */
export function mayStartWithUrl(text: string): boolean {
  return STARTS_WITH_URL.test(text);
}

/**
 * `extractUrlsFromValue(text)` for one string, without walking every character of it in JavaScript. The scanner
 * reads a URL only from a word that holds `http://`, `https://` or `www.`, and never across a blank (a blank ends
 * a URL, is no part of a prefix, and is a word boundary before `www.`), so the URLs of a text are those of its
 * words that hold such a start, in order: a native search finds those words and only they are scanned. A text
 * that begins with a URL is also read whole, so it goes to `extractUrlsFromValue` as is.
 */
export function urlsOfString(text: string): string[] {
  if (mayStartWithUrl(text)) return extractUrlsFromValue(text);
  let found: Set<string> | undefined;
  URL_START.lastIndex = 0;
  for (let match = URL_START.exec(text); match !== null; match = URL_START.exec(text)) {
    let start = match.index;
    while (start > 0 && !isBlank(text.charCodeAt(start - 1))) start -= 1;
    let end = match.index;
    while (end < text.length && !isBlank(text.charCodeAt(end))) end += 1;
    for (const url of extractUrls(text.slice(start, end))) (found ??= new Set()).add(url);
    URL_START.lastIndex = end;
  }
  return found === undefined ? [] : [...found];
}
