import { parseHostPattern, type HostPattern } from './parse-capability-pattern.js';

const HOST_LABEL = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/u;
const BRACKETED = /^(\[[0-9a-f:.]+\])(?::\d+)?$/u;

/**
 * The comparable form of a host a tool call reaches: lower-cased, without a trailing dot or a `:port`.
 * `undefined` when it is not a plausible host name, IPv4 or bracketed IPv6 address.
 *
 * @example
 * ```ts
 * normalizeHost('API.GitHub.com.:443'); // 'api.github.com'
 * normalizeHost('evil.com/path');       // undefined
 * ```
 */
export function normalizeHost(host: string): string | undefined {
  if (typeof host !== 'string' || host.length > 260) return undefined;
  const lower = host.toLowerCase();
  const bracketed = BRACKETED.exec(lower);
  if (bracketed !== null) return bracketed[1];
  const name = lower.replace(/:\d+$/u, '').replace(/\.$/u, '');
  if (name === '' || name.length > 253) return undefined;
  return name.split('.').every((label) => HOST_LABEL.test(label)) ? name : undefined;
}

/**
 * Specificity of a host glob: its number of literal labels; `*` is 0.
 *
 * @example
 * ```ts
 * hostSpecificity({ type: 'subdomains', text: '*.example.com', domain: 'example.com' }); // 2
 * ```
 */
export function hostSpecificity(pattern: HostPattern): number {
  if (pattern.type === 'any') return 0;
  return (pattern.type === 'exact' ? pattern.host : pattern.domain).split('.').length;
}

/**
 * True when a host glob matches a host. `*.example.com` matches `a.example.com` and `a.b.example.com` but not
 * `example.com`; `example.com` matches only itself; `*` matches every host. Hosts are compared without case, a
 * trailing dot or a port. A pattern that does not parse matches nothing, and a host that does not normalise is
 * matched only by `*`.
 *
 * @example
 * ```ts
 * matchHost('*.example.com', 'A.b.Example.com.'); // true
 * matchHost('*.example.com', 'example.com');      // false
 * ```
 */
export function matchHost(pattern: string | HostPattern, host: string): boolean {
  const parsed = typeof pattern === 'string' ? parseHostPattern(pattern) : { type: 'ok' as const, pattern };
  if (parsed.type === 'error') return false;
  return matchNormalizedHost(parsed.pattern, normalizeHost(host));
}

/**
 * `matchHost` for a host already passed through `normalizeHost` (`undefined`: it did not normalise).
 *
 * @example
 * ```ts
 * matchNormalizedHost({ type: 'exact', text: 'a.io', host: 'a.io' }, normalizeHost('A.io.')); // true
 * ```
 */
export function matchNormalizedHost(pattern: HostPattern, host: string | undefined): boolean {
  if (pattern.type === 'any') return true;
  if (host === undefined) return false;
  if (pattern.type === 'exact') return host === pattern.host;
  return host.length > pattern.domain.length + 1 && host.endsWith(`.${pattern.domain}`);
}
