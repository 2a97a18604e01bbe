import { matchNormalizedHost, normalizeHost } from './match-host.js';
import { parseHostPattern, type HostPattern, type PatternParseResult } from './parse-capability-pattern.js';

/** One validated `urls.allow` entry: a host glob, or a URL prefix that matches at a path boundary. */
export type UrlAllowPattern =
  | { readonly type: 'host'; readonly text: string; readonly host: HostPattern }
  | {
      readonly type: 'prefix';
      readonly text: string;
      readonly protocol: 'http:' | 'https:';
      readonly host: string;
      /** `''` for the scheme's default port, as `URL#port` reports it. */
      readonly port: string;
      readonly path: string;
    };

const URL_PREFIX = /^https?:\/\//iu;
// Only schemes that reach a network host: `javascript://docs.corp.io/…` has a host too, but goes nowhere.
const NETWORK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:']);
// Servers may decode an encoded slash or backslash into a separator, turning `/pub/..%2fprivate` into a traversal.
const ENCODED_SEPARATOR = /%2f|%5c/iu;

/**
 * Validates one `urls.allow` entry: a host glob (`docs.corp.io`, `*.corp.io`, `*`) or a URL prefix starting
 * with `http://` or `https://` (`https://docs.corp.io/public/`), without credentials, query or fragment.
 *
 * @example
 * ```ts
 * parseUrlAllowPattern('https://docs.corp.io/public/').type; // 'ok'
 * parseUrlAllowPattern('docs.corp.io/public');               // { type: 'error', message: '…' }
 * ```
 */
export function parseUrlAllowPattern(text: string): PatternParseResult<UrlAllowPattern> {
  if (typeof text !== 'string') return error(`url pattern of type \`${typeof text}\` is not a string: expected a host glob or a URL prefix`);
  if (!URL_PREFIX.test(text)) {
    if (text.includes('/')) return error(`url pattern \`${text}\` is neither a host glob nor a URL: expected e.g. \`docs.corp.io\`, \`*.corp.io\` or \`https://docs.corp.io/public/\``);
    const host = parseHostPattern(text);
    return host.type === 'error' ? host : ok({ type: 'host', text, host: host.pattern });
  }
  const url = tryParseUrl(text);
  if (url === undefined) return error(`url pattern \`${text}\` is not a valid URL: expected e.g. \`https://docs.corp.io/public/\``);
  if (url.username !== '' || url.password !== '') return error(`url pattern \`${text}\` has credentials: expected a URL prefix without \`user@\``);
  if (text.includes('?') || text.includes('#')) return error(`url pattern \`${text}\` has a query or fragment: expected a scheme, host and path only`);
  if (url.hostname.includes('*')) return error(`url pattern \`${text}\` has \`*\` in its host: use a host glob such as \`*.corp.io\` instead`);
  const host = normalizeHost(url.hostname);
  if (host === undefined) return error(`url pattern \`${text}\` has an invalid host \`${url.hostname}\``);
  const protocol = url.protocol === 'http:' ? 'http:' : 'https:';
  return ok({ type: 'prefix', text, protocol, host, port: url.port, path: url.pathname });
}

/**
 * Compiles `urls.allow` into a predicate for the `no-novel-urls` rule. A host glob matches the URL's host (any
 * port, web schemes only); a URL prefix matches the normalised URL at a path boundary, so `https://a.io/pub`
 * matches `https://a.io/pub/x` but not `https://a.io/public`. URLs that do not parse never match, and neither do
 * patterns that do not parse.
 *
 * @example
 * ```ts
 * const allowed = compileUrlAllowList(['*.corp.io', 'https://a.io/pub']);
 * allowed('https://docs.corp.io/x'); // true
 * allowed('https://a.io/public');    // false
 * ```
 */
export function compileUrlAllowList(patterns: readonly string[]): (url: string) => boolean {
  const compiled: UrlAllowPattern[] = [];
  for (const text of Array.isArray(patterns) ? patterns : []) {
    const parsed = parseUrlAllowPattern(text);
    // Fail closed: an entry the schema should have refused allows nothing.
    if (parsed.type === 'ok') compiled.push(parsed.pattern);
  }
  return function isAllowedUrl(url: string): boolean {
    const parsed = typeof url === 'string' ? tryParseUrl(url) : undefined;
    if (parsed === undefined || !NETWORK_PROTOCOLS.has(parsed.protocol) || parsed.hostname === '') return false;
    const host = normalizeHost(parsed.hostname);
    if (host === undefined) return false;
    return compiled.some((pattern) => (pattern.type === 'host' ? matchNormalizedHost(pattern.host, host) : matchesPrefix(pattern, parsed, host)));
  };
}

function matchesPrefix(pattern: Extract<UrlAllowPattern, { type: 'prefix' }>, url: URL, host: string): boolean {
  if (url.protocol !== pattern.protocol || host !== pattern.host || url.port !== pattern.port) return false;
  const path = url.pathname;
  if (ENCODED_SEPARATOR.test(path)) return false;
  if (pattern.path === '/' || path === pattern.path) return true;
  return path.startsWith(pattern.path) && (pattern.path.endsWith('/') || path.charAt(pattern.path.length) === '/');
}

function tryParseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function ok(pattern: UrlAllowPattern): PatternParseResult<UrlAllowPattern> {
  return Object.freeze({ type: 'ok', pattern: Object.freeze(pattern) });
}

function error(message: string): PatternParseResult<UrlAllowPattern> {
  return Object.freeze({ type: 'error', message });
}
