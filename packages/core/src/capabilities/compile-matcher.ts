import { compileGlob } from './compile-glob.js';
import { expandGlob, type PathContext } from './expand-path.js';
import { hostSpecificity, matchNormalizedHost } from './match-host.js';
import { matchWildcard, type WildcardToken } from './match-wildcard.js';
import { parseCapabilityPattern, parseHostPattern, type CapabilityPattern } from './parse-capability-pattern.js';

/**
 * Which list a pattern came from. It decides the implicit trailing `*` of command patterns, whether `fs:w` also
 * grants reads, and which way an unparseable pattern fails.
 */
export type ListKind = 'allow' | 'deny' | 'danger' | 'opt-in';

/** One compiled pattern. `matches` takes a subject already normalised by `checkCapabilities`. */
export interface Matcher<S> {
  readonly pattern: string;
  readonly specificity: number;
  readonly matches: (subject: S) => boolean;
}

/** The compiled patterns of one list, by dimension. Commands are words whose first word is a `commandName`. */
export interface MatcherSet {
  readonly tool: readonly Matcher<string>[];
  readonly cmd: readonly Matcher<readonly string[]>[];
  readonly read: readonly Matcher<string>[];
  readonly write: readonly Matcher<string>[];
}

/** Everything `checkCapabilities` needs; hosts are normalised (`undefined`: the host did not normalise). */
export interface CompiledRules {
  readonly paths: PathContext;
  readonly danger: MatcherSet;
  readonly optIn: MatcherSet;
  readonly deny: MatcherSet;
  readonly allow: MatcherSet;
  readonly hostDeny: readonly Matcher<string | undefined>[];
  readonly hostAllow: readonly Matcher<string | undefined>[];
}

type Dimension = keyof MatcherSet;
type Mutable = { -readonly [D in Dimension]: MatcherSet[D][number][] };

const RUN = Object.freeze({ type: 'run' } as const);
const ONE = Object.freeze({ type: 'one' } as const);
const NOTHING = (): boolean => false;
const EVERYTHING = (): boolean => true;

/**
 * Compiles one list of capability patterns. It never throws: a pattern that fails to parse or compile matches
 * nothing in a widening list (`allow`, `opt-in`) and everything in a narrowing one (`deny`, `danger`).
 *
 * @example
 * ```ts
 * const deny = compileMatcherSet(['cmd:git:push'], 'deny', { homeDir: '/home/u', cwd: '/work/app' });
 * deny.cmd[0]?.matches(['git', 'push', 'origin', 'main']); // true
 * ```
 */
export function compileMatcherSet(patterns: readonly string[] | undefined, kind: ListKind, paths: PathContext): MatcherSet {
  const set: Mutable = { tool: [], cmd: [], read: [], write: [] };
  for (const text of Array.isArray(patterns) ? patterns : []) {
    try {
      const parsed = parseCapabilityPattern(text);
      if (parsed.type === 'error') addUnparseable(set, describe(text), kind);
      else addPattern(set, parsed.pattern, kind, paths);
    } catch {
      // Fail closed: minimatch or a hostile value threw; the pattern must still narrow, never widen.
      addUnparseable(set, describe(text), kind);
    }
  }
  return Object.freeze({ tool: freeze(set.tool), cmd: freeze(set.cmd), read: freeze(set.read), write: freeze(set.write) });
}

/**
 * Compiles `network.allow` or `network.deny`. An unparseable deny pattern, or any deny pattern facing a host that
 * does not normalise, matches: a spelling the checker cannot read must not slip past a deny-list.
 *
 * @example
 * ```ts
 * const [deny] = compileHostMatchers(['*.evil.com'], 'deny');
 * deny?.matches('x.evil.com'); // true
 * deny?.matches(undefined);    // true: the host did not normalise
 * ```
 */
export function compileHostMatchers(patterns: readonly string[] | undefined, kind: 'allow' | 'deny'): readonly Matcher<string | undefined>[] {
  const matchers: Matcher<string | undefined>[] = [];
  for (const text of Array.isArray(patterns) ? patterns : []) {
    const parsed = parseHostPattern(text);
    if (parsed.type === 'error') {
      matchers.push(unparseable(describe(text), kind));
      continue;
    }
    const host = parsed.pattern;
    const matches =
      kind === 'deny'
        ? (subject: string | undefined) => subject === undefined || matchNormalizedHost(host, subject)
        : (subject: string | undefined) => matchNormalizedHost(host, subject);
    matchers.push(Object.freeze({ pattern: host.text, specificity: hostSpecificity(host), matches }));
  }
  return freeze(matchers);
}

function addPattern(set: Mutable, pattern: CapabilityPattern, kind: ListKind, paths: PathContext): void {
  if (pattern.type === 'tool') {
    // Tool patterns never open a danger entry, and the danger list holds none; only the policy lists use them.
    if (kind === 'allow' || kind === 'deny') set.tool.push(compileTool(pattern.text, pattern.glob));
    return;
  }
  if (pattern.type === 'cmd') {
    set.cmd.push(compileCommand(pattern.text, pattern.tokens, kind));
    return;
  }
  const matcher = compileFs(pattern.text, pattern.glob, kind, paths);
  // Writing a file lets a tool read it back, so an allowed write also allows the read (mlld: `w` implies `r`).
  if (pattern.mode !== 'w' || kind === 'allow') set.read.push(matcher);
  if (pattern.mode !== 'r') set.write.push(matcher);
}

function compileTool(text: string, glob: string): Matcher<string> {
  const tokens: WildcardToken<string>[] = Array.from(glob, (char) => (char === '*' ? RUN : char === '?' ? ONE : { type: 'literal', value: char }));
  const specificity = tokens.filter((token) => token.type === 'literal').length;
  return Object.freeze({ pattern: text, specificity, matches: (tool: string) => matchWildcard(tokens, Array.from(tool)) });
}

function compileCommand(text: string, words: readonly string[], kind: ListKind): Matcher<readonly string[]> {
  const tokens: WildcardToken<string>[] = words.map((word) => (word === '*' ? RUN : { type: 'literal', value: word }));
  const specificity = tokens.filter((token) => token.type === 'literal').length;
  const last = words[words.length - 1];
  // mlld: in an allow-list `cmd:echo` means echo with any arguments but `cmd:git:status` means exactly that;
  // deny and danger entries are prefixes, so `cmd:git:push` also blocks `git push origin main`.
  const prefix = kind === 'allow' ? words.length === 1 && last !== '*' : last !== '*';
  if (prefix) tokens.push(RUN);
  return Object.freeze({ pattern: text, specificity, matches: (command: readonly string[]) => matchWildcard(tokens, command) });
}

function compileFs(text: string, glob: string, kind: ListKind, paths: PathContext): Matcher<string> {
  const widening = kind === 'allow' || kind === 'opt-in';
  const expanded = expandGlob(glob, paths);
  // Fail closed when `~` or the working directory is unknown: an allow cannot be placed, a deny matches anywhere.
  if (expanded.type === 'unknown-base' && widening) return Object.freeze({ pattern: text, specificity: expanded.specificity, matches: NOTHING });
  const absolute = expanded.type === 'glob' ? expanded.glob : expanded.anywhere;
  // Deny and danger globs ignore case: on macOS and Windows `~/.SSH/id_rsa` is the same file as `~/.ssh/id_rsa`.
  const nocase = !widening;
  const whole = compileGlob(absolute, { nocase });
  // `dir/**` also covers `dir` itself, so listing `~/.ssh` is as dangerous as reading a key inside it.
  const base = absolute.endsWith('/**') && absolute.length > 3 ? compileGlob(absolute.slice(0, -3), { nocase }) : undefined;
  if (whole === undefined) return unparseable(text, kind);
  return Object.freeze({
    pattern: text,
    specificity: expanded.specificity,
    matches: (path: string) => whole.match(path) || base?.match(path) === true,
  });
}

function addUnparseable(set: Mutable, text: string, kind: ListKind): void {
  const matcher = unparseable(text, kind);
  for (const dimension of dimensionsOf(text)) set[dimension].push(matcher);
}

// An invalid allow still constrains the dimension its author meant, so a typo cannot open that dimension up.
function dimensionsOf(text: string): readonly Dimension[] {
  if (text.startsWith('tool:') || text === 'tool') return ['tool'];
  if (text.startsWith('cmd:') || text === 'cmd') return ['cmd'];
  if (text.startsWith('fs:') || text === 'fs') return ['read', 'write'];
  return ['tool', 'cmd', 'read', 'write'];
}

function unparseable(text: string, kind: ListKind): Matcher<unknown> {
  // Fail closed: patterns are validated when the policy loads, so one that still fails here is a bug or a
  // hostile value. It must not widen anything (allow, opt-in: match nothing) and must win every tie and
  // comparison when it narrows (deny, danger: match everything, infinitely specific).
  const narrowing = kind === 'deny' || kind === 'danger';
  return Object.freeze({ pattern: text, specificity: narrowing ? Number.POSITIVE_INFINITY : 0, matches: narrowing ? EVERYTHING : NOTHING });
}

// `String(value)` can throw (an object without a prototype has no `toString`), and compiling must never throw.
function describe(value: unknown): string {
  return typeof value === 'string' ? value : `<${typeof value}>`;
}

function freeze<T>(items: T[]): readonly T[] {
  return Object.freeze(items);
}
