import { commandName } from './command-name.js';
import { compileGlob, MAX_GLOB_EXPANSIONS } from './compile-glob.js';

/** A validated capability pattern. `text` is the pattern as written, reported back in violations. */
export type CapabilityPattern =
  | { readonly type: 'tool'; readonly text: string; readonly glob: string }
  /** `*` tokens match any run of words; the first token is already a lower-cased basename. */
  | { readonly type: 'cmd'; readonly text: string; readonly tokens: readonly string[] }
  | { readonly type: 'fs'; readonly text: string; readonly mode: 'r' | 'w' | 'rw'; readonly glob: string };

/** The outcome of validating one pattern string. */
export type PatternParseResult<T> = { readonly type: 'ok'; readonly pattern: T } | { readonly type: 'error'; readonly message: string };

/** A validated host glob: `*`, `example.com` or `*.example.com` (which excludes `example.com` itself). */
export type HostPattern =
  | { readonly type: 'any'; readonly text: string }
  | { readonly type: 'exact'; readonly text: string; readonly host: string }
  | { readonly type: 'subdomains'; readonly text: string; readonly domain: string };

// Far above any real pattern, far below minimatch's own 64 KiB limit.
const MAX_PATTERN_LENGTH = 4096;
const CONTROL = /[\u0000-\u001f\u007f]/u;
const WHITESPACE = /\s/u;
const EXPECTED_KINDS = '`tool:<glob>`, `cmd`, `cmd:<word>[:<word>…]`, `fs:r:<glob>`, `fs:w:<glob>` or `fs:rw:<glob>`';
const EXPECTED_FS = '`fs:r:<glob>`, `fs:w:<glob>` or `fs:rw:<glob>`';
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/u;
const EXPECTED_HOST = 'expected `*`, a host such as `api.github.com` or a subdomain glob such as `*.example.com`';

const ok = <T>(pattern: T): PatternParseResult<T> => Object.freeze({ type: 'ok', pattern: Object.freeze(pattern) });
const error = <T>(message: string): PatternParseResult<T> => Object.freeze({ type: 'error', message });

/**
 * Validates one capability pattern (`tool:<glob>`, `cmd[:<word>…]`, `fs:r|w|rw:<glob>`). The policy schema calls
 * it to report bad patterns at load time; the message is one sentence naming the value and what was expected.
 *
 * @example
 * ```ts
 * parseCapabilityPattern('cmd:git:push'); // { type: 'ok', pattern: { type: 'cmd', text: 'cmd:git:push', tokens: ['git', 'push'] } }
 * parseCapabilityPattern('fs:x:/tmp');    // { type: 'error', message: 'pattern `fs:x:/tmp` has an unknown mode `x`: …' }
 * ```
 */
export function parseCapabilityPattern(text: string): PatternParseResult<CapabilityPattern> {
  if (typeof text !== 'string') return error(`pattern of type \`${typeof text}\` is not a string: expected ${EXPECTED_KINDS}`);
  if (text.length > MAX_PATTERN_LENGTH) return error(`pattern \`${text.slice(0, 40)}…\` is longer than ${MAX_PATTERN_LENGTH} characters`);
  if (CONTROL.test(text)) return error(`pattern \`${JSON.stringify(text)}\` contains a control character`);
  const colon = text.indexOf(':');
  const kind = colon === -1 ? text : text.slice(0, colon);
  const rest = colon === -1 ? undefined : text.slice(colon + 1);
  if (kind === 'tool') return parseToolPattern(text, rest);
  if (kind === 'cmd') return parseCommandPattern(text, rest);
  if (kind === 'fs') return parseFsPattern(text, rest);
  return error(`pattern \`${text}\` has an unknown kind \`${kind}\`: expected ${EXPECTED_KINDS}`);
}

function parseToolPattern(text: string, glob: string | undefined): PatternParseResult<CapabilityPattern> {
  if (glob === undefined || glob === '') return error(`pattern \`${text}\` has no tool glob: expected \`tool:<glob>\`, e.g. \`tool:send_*\``);
  if (WHITESPACE.test(glob)) return error(`pattern \`${text}\` contains whitespace: tool names and globs have none`);
  return ok({ type: 'tool', text, glob });
}

function parseCommandPattern(text: string, rest: string | undefined): PatternParseResult<CapabilityPattern> {
  if (rest === undefined) return ok({ type: 'cmd', text, tokens: ['*'] });
  const tokens = rest.split(':');
  for (const token of tokens) {
    if (token === '') return error(`pattern \`${text}\` has an empty token: expected \`cmd:<word>[:<word>…]\`, with \`*\` for any run of words`);
    if (WHITESPACE.test(token)) return error(`pattern \`${text}\` has whitespace in token \`${token}\`: separate words with \`:\`, e.g. \`cmd:git:push\``);
    if (token !== '*' && token.includes('*')) return error(`pattern \`${text}\` has \`*\` inside token \`${token}\`: \`*\` must be a whole token and matches any run of words`);
  }
  const [first = '*', ...later] = tokens;
  if (first === '*') return ok({ type: 'cmd', text, tokens });
  const name = commandName(first);
  if (name === '') return error(`pattern \`${text}\` has no command name in \`${first}\`: expected a command such as \`git\``);
  return ok({ type: 'cmd', text, tokens: [name, ...later] });
}

function parseFsPattern(text: string, rest: string | undefined): PatternParseResult<CapabilityPattern> {
  const colon = rest === undefined ? -1 : rest.indexOf(':');
  if (rest === undefined || colon === -1) return error(`pattern \`${text}\` has no mode and glob: expected ${EXPECTED_FS}`);
  const mode = rest.slice(0, colon);
  const glob = rest.slice(colon + 1);
  if (mode !== 'r' && mode !== 'w' && mode !== 'rw') return error(`pattern \`${text}\` has an unknown mode \`${mode}\`: expected ${EXPECTED_FS}`);
  if (glob === '') return error(`pattern \`${text}\` has an empty glob: expected \`fs:${mode}:<glob>\`, e.g. \`fs:${mode}:./src/**\``);
  if (glob !== glob.trim()) return error(`pattern \`${text}\` has a glob with leading or trailing whitespace`);
  if (glob.startsWith('!')) return error(`pattern \`${text}\` starts its glob with \`!\`: negated globs are not supported, use a deny pattern`);
  if (glob.startsWith('~') && glob !== '~' && !glob.startsWith('~/')) {
    return error(`pattern \`${text}\` starts with \`${glob.split('/')[0] ?? glob}\`: only \`~\` and \`~/…\` (the home directory) are supported`);
  }
  if (compileGlob(glob, { nocase: false }) === undefined) {
    return error(`pattern \`${text}\` has a glob that cannot be compiled: braces may expand to at most ${MAX_GLOB_EXPANSIONS} paths`);
  }
  return ok({ type: 'fs', text, mode, glob });
}

/**
 * Validates one host glob: `*`, a lower-case host such as `api.github.com`, or `*.example.com` (subdomains
 * only). A trailing dot is accepted and dropped; ports are not supported.
 *
 * @example
 * ```ts
 * parseHostPattern('*.example.com'); // { type: 'ok', pattern: { type: 'subdomains', text: '*.example.com', domain: 'example.com' } }
 * parseHostPattern('*example.com');  // { type: 'error', message: 'host pattern `*example.com` has `*` …' }
 * ```
 */
export function parseHostPattern(text: string): PatternParseResult<HostPattern> {
  if (typeof text !== 'string') return error(`host pattern of type \`${typeof text}\` is not a string: ${EXPECTED_HOST}`);
  if (text === '') return error(`host pattern \`\` is empty: ${EXPECTED_HOST}`);
  if (text.length > 255) return error(`host pattern \`${text.slice(0, 40)}…\` is longer than 255 characters`);
  if (text === '*') return ok({ type: 'any', text });
  const subdomains = text.startsWith('*.');
  const domain = (subdomains ? text.slice(2) : text).replace(/\.$/u, '');
  if (domain.includes('*')) return error(`host pattern \`${text}\` has \`*\` outside a leading \`*.\` label: ${EXPECTED_HOST}`);
  if (/:\d*$/u.test(domain)) return error(`host pattern \`${text}\` has a port: expected a host without a port`);
  if (domain !== domain.toLowerCase()) return error(`host pattern \`${text}\` has upper-case letters: write it in lower case, e.g. \`${text.toLowerCase()}\``);
  for (const label of domain.split('.')) {
    if (!HOST_LABEL.test(label)) {
      return error(`host pattern \`${text}\` has an invalid label \`${label}\`: labels are 1 to 63 lower-case letters, digits or hyphens, not starting or ending with a hyphen`);
    }
  }
  return subdomains ? ok({ type: 'subdomains', text, domain }) : ok({ type: 'exact', text, host: domain });
}
