import { canonicalUrl, extractUrlsFromValue } from '../text/index.js';
import type { UrlInput } from './tool-call-request.js';
import { mayStartWithUrl, urlsOfString } from '../text/urls-of-string.js';

const NO_URLS: readonly UrlInput[] = Object.freeze([]);

// A list of plain strings is read string by string, as `extractUrlsFromValue` would; anything else is walked by it.
function urlsOf(value: unknown): readonly string[] {
  if (typeof value === 'string') return urlsOfString(value);
  if (!Array.isArray(value)) return extractUrlsFromValue(value);
  let found: Set<string> | undefined;
  for (const key of Object.keys(value)) {
    const item: unknown = value[key as unknown as number];
    if (typeof item !== 'string') return extractUrlsFromValue(value);
    for (const url of urlsOfString(item)) (found ??= new Set()).add(url);
  }
  return found === undefined ? [] : [...found];
}

/**
 * Every URL inside an argument: the ones the caller grounded (`provided`, as given) and then every other URL of
 * the value, by canonical form, with no labels, so that only `urls.allow` can let it through. `grounded` says the
 * session built `provided` from this very value with `extractUrls`: a string that does not begin with a URL then
 * holds no URL beyond those, and is not scanned again.
 */
export function collectUrls(value: unknown, provided: readonly UrlInput[] | undefined, grounded: boolean): readonly UrlInput[] {
  const given = provided ?? NO_URLS;
  if (typeof value === 'string' ? grounded && !mayStartWithUrl(value) : typeof value !== 'object' || value === null) return given;
  let urls: UrlInput[] | undefined;
  let seen: Set<string> | undefined;
  for (const url of urlsOf(value)) {
    // A URL written exactly as a grounded one has its canonical form: no need to parse either.
    if (seen === undefined && given.some((input) => input.url === url)) continue;
    if (seen === undefined) seen = new Set(given.map((input) => canonicalUrl(input.url) ?? input.url));
    const key = canonicalUrl(url) ?? url;
    if (!seen.has(key)) (urls ??= [...given]).push({ url, labels: [] });
    seen.add(key);
  }
  return urls ?? given;
}
