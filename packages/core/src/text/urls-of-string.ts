import { extractUrls, extractUrlsFromValue } from './extract-urls.js';

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
 * `extractUrlsFromValue(text)` for one string: a text that begins with a URL is also read whole, as one URL, so it
 * goes to `extractUrlsFromValue`; any other is read as prose by `extractUrls`, which scans only the words that can
 * hold a URL.
 */
export function urlsOfString(text: string): string[] {
  return mayStartWithUrl(text) ? extractUrlsFromValue(text) : extractUrls(text);
}
