import type { CapabilityOperation, CapabilityViolation, CompiledCapabilities } from './capability-types.js';
import { commandName } from './command-name.js';
import type { Matcher, MatcherSet } from './compile-matcher.js';
import { expandPath } from './expand-path.js';
import { normalizeHost } from './match-host.js';

type RuleId = CapabilityViolation['ruleId'];

const REASONS: Readonly<Record<RuleId, string>> = Object.freeze({
  'capabilities.deny': 'capability denied by policy',
  'capabilities.allow': 'capability not in the allow-list',
  'capabilities.danger': 'dangerous capability requires an explicit danger opt-in',
  'network.deny': 'network host denied by policy',
  'network.allow': 'network host not in the allow-list',
});

type ListName = 'danger' | 'optIn' | 'deny' | 'allow';

/** The facts of a matching pattern that decide between patterns. */
interface Hit {
  readonly pattern: string;
  readonly specificity: number;
}

/** One thing an operation touches, normalised once and matched against each list of its dimension. */
interface Subject {
  readonly subject: string;
  readonly network: boolean;
  /** The patterns of a list that match this subject. */
  readonly hits: (list: ListName) => readonly Hit[];
  /** How many patterns a list has in this subject's dimension: 0 leaves the dimension unconstrained. */
  readonly size: (list: ListName) => number;
}

const NO_HOST_MATCHERS: readonly Matcher<string | undefined>[] = Object.freeze([]);

/**
 * Checks one operation against compiled capabilities and returns the first violation, or `undefined` when every
 * subject passes. Gates run in order over every subject: the built-in danger list (each hit needs an opt-in in
 * `danger`), then deny against allow (a deny wins unless an allow is strictly more specific), then the allow-lists
 * of the dimensions the policy constrains.
 *
 * @example
 * ```ts
 * const compiled = compileCapabilities({ allow: ['cmd:git:*'] });
 * checkCapabilities(compiled, { tool: 'shell', commands: [['git', 'push', '--force']] });
 * // { ruleId: 'capabilities.danger', subject: 'cmd:git push --force', pattern: 'cmd:git:push:*:--force', reason: '…' }
 * ```
 */
export function checkCapabilities(compiled: CompiledCapabilities, operation: CapabilityOperation): CapabilityViolation | undefined {
  const { rules } = compiled;
  const toSubject = <S>(text: string, value: S, pick: (set: MatcherSet) => readonly Matcher<S>[]): Subject => ({
    subject: text,
    network: false,
    hits: (list) => pick(rules[list]).filter((matcher) => matcher.matches(value)),
    size: (list) => pick(rules[list]).length,
  });
  const subjects: Subject[] = [toSubject(`tool:${operation.tool}`, operation.tool, (set) => set.tool)];
  for (const words of operation.commands ?? []) {
    const value = words.length === 0 ? words : [commandName(words[0] ?? ''), ...words.slice(1)];
    subjects.push(toSubject(`cmd:${words.join(' ')}`, value, (set) => set.cmd));
  }
  for (const { mode, path } of operation.paths ?? []) {
    const value = expandPath(path, rules.paths);
    // Fail closed: a mode that is neither `r` nor `w` is checked as both.
    if (mode !== 'w') subjects.push(toSubject(`fs:r:${value}`, value, (set) => set.read));
    if (mode !== 'r') subjects.push(toSubject(`fs:w:${value}`, value, (set) => set.write));
  }
  for (const host of operation.hosts ?? []) {
    const value = normalizeHost(host);
    const pick = (list: ListName) => (list === 'deny' ? rules.hostDeny : list === 'allow' ? rules.hostAllow : NO_HOST_MATCHERS);
    subjects.push({
      subject: `host:${value ?? host}`,
      network: true,
      hits: (list) => pick(list).filter((matcher) => matcher.matches(value)),
      size: (list) => pick(list).length,
    });
  }

  for (const item of subjects) {
    const danger = item.hits('danger')[0];
    if (danger !== undefined && item.hits('optIn').length === 0) return violation('capabilities.danger', item.subject, danger.pattern);
  }
  for (const item of subjects) {
    const deny = mostSpecific(item.hits('deny'));
    if (deny !== undefined && !outranks(mostSpecific(item.hits('allow')), deny)) {
      return violation(item.network ? 'network.deny' : 'capabilities.deny', item.subject, deny.pattern);
    }
  }
  for (const item of subjects) {
    // An empty allow-list leaves its dimension unconstrained: `allow: ['cmd:git:*']` says nothing about tools.
    if (item.size('allow') > 0 && item.hits('allow').length === 0) return violation(item.network ? 'network.allow' : 'capabilities.allow', item.subject);
  }
  return undefined;
}

// The first of the most specific wins, so the reported pattern follows the policy's order on ties.
function mostSpecific(hits: readonly Hit[]): Hit | undefined {
  let best: Hit | undefined;
  for (const hit of hits) if (best === undefined || hit.specificity > best.specificity) best = hit;
  return best;
}

// Ties go to the deny: an allow overrides a deny only when it is strictly more specific.
function outranks(allow: Hit | undefined, deny: Hit): boolean {
  return allow !== undefined && allow.specificity > deny.specificity;
}

function violation(ruleId: RuleId, subject: string, pattern?: string): CapabilityViolation {
  return Object.freeze({ ruleId, subject, ...(pattern === undefined ? {} : { pattern }), reason: REASONS[ruleId] });
}
