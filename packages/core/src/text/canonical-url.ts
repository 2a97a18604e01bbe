// The WHATWG `URL` parser does the parsing, because it is what `fetch` and browsers use: a URL means
// whatever that parser says it means (`https://a.com"@b.com` is a URL for `b.com`), so a hand-rolled
// reading could disagree with the request that is actually sent.

interface ParsedUrl {
  readonly url: URL;
  /** Lower-case host name without the root `.`; IPv6 addresses keep their brackets. */
  readonly hostname: string;
}

function parseHttpUrl(input: string): ParsedUrl | undefined {
  const start = skipParserIgnored(input);
  // A scheme-less `www.` link is what people type for an https site.
  const text = startsWithWww(input, start) ? `https://${input.slice(start)}` : input;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  let hostname = url.hostname;
  if (hostname.endsWith('.')) hostname = hostname.slice(0, -1);
  // `a.com..` or `.` would canonicalise to a name that no longer looks like what was written: refuse.
  if (hostname === '' || hostname.endsWith('.')) return undefined;
  return { url, hostname };
}

// The URL parser ignores leading C0 controls and spaces; the `www.` check must see what it sees.
function skipParserIgnored(text: string): number {
  let index = 0;
  while (index < text.length && text.charCodeAt(index) <= 0x20) index += 1;
  return index;
}

function startsWithWww(text: string, index: number): boolean {
  return text.slice(index, index + 4).toLowerCase() === 'www.';
}

/**
 * The canonical form of an http(s) URL, for comparing URLs: scheme and host lower-cased (IDN hosts as
 * punycode), default ports (`:80` for http, `:443` for https) and a host's trailing `.` dropped, and no `/`
 * for an empty path. Path, query and fragment keep their case and percent-escapes; the URL parser still
 * resolves `.`/`..` segments and encodes characters a URL cannot hold, so the result names the resource a
 * request would really reach. A scheme-less `www.` link is read as https. `undefined` for anything that
 * is not an http(s) URL.
 *
 * @example
 * ```ts
 * canonicalUrl('HTTPS://Example.COM.:443/A?b=C'); // 'https://example.com/A?b=C'
 * canonicalUrl('www.x.com/p');                    // 'https://www.x.com/p'
 * canonicalUrl('ftp://x.com');                    // undefined
 * ```
 */
export function canonicalUrl(url: string): string | undefined {
  const parsed = parseHttpUrl(url);
  if (parsed === undefined) return undefined;
  const { url: parts, hostname } = parsed;
  const credentials =
    parts.username === '' && parts.password === ''
      ? ''
      : `${parts.username}${parts.password === '' ? '' : `:${parts.password}`}@`;
  const port = parts.port === '' ? '' : `:${parts.port}`;
  const path = parts.pathname === '/' ? '' : parts.pathname;
  return `${parts.protocol}//${credentials}${hostname}${port}${path}${parts.search}${parts.hash}`;
}

/**
 * The host name of an http(s) URL, canonicalised as by {@link canonicalUrl} and without the port;
 * `undefined` when `url` is not an http(s) URL.
 *
 * @example
 * ```ts
 * urlHost('https://user@API.Example.com.:8443/x'); // 'api.example.com'
 * urlHost('https://a.com"@evil.com');              // 'evil.com'
 * ```
 */
export function urlHost(url: string): string | undefined {
  return parseHttpUrl(url)?.hostname;
}
