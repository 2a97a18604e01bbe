import { matchWildcard, type WildcardToken } from '../capabilities/match-wildcard.js';
import { hasLabel } from '../labels/match-label.js';
import type { Label } from '../labels/label.js';

/** Which calls a guard applies to. Every kind given must match; within a kind, any entry may match. */
export interface GuardSelector {
  /** Input labels, matched hierarchically: `src:mcp` selects a value labelled `src:mcp:github:get_issue`. */
  readonly labels?: readonly Label[];
  /** Operation targets, matched hierarchically: `exfil` selects `exfil:send`; `op:tool:publish` one tool. */
  readonly ops?: readonly Label[];
  /** Tool names, exact or with `*` globs: `slack_*`. */
  readonly tools?: readonly string[];
}

/** What a selector is matched against. */
export interface SelectorSubject {
  readonly labels: readonly Label[];
  readonly targets: readonly Label[];
  readonly tool: string;
}

/** A compiled selector. */
export type SelectorMatcher = (subject: SelectorSubject) => boolean;

const RUN: WildcardToken<string> = Object.freeze({ type: 'run' });

function compileToolPattern(pattern: string): (tool: string) => boolean {
  if (!pattern.includes('*')) return (tool) => tool === pattern;
  const tokens: WildcardToken<string>[] = Array.from(pattern, (char) => (char === '*' ? RUN : { type: 'literal', value: char }));
  // matchWildcard backtracks only to the last `*`, so a hostile tool name cannot make this exponential.
  return (tool) => matchWildcard(tokens, Array.from(tool));
}

function anyLabelMatches(rules: readonly Label[], labels: readonly Label[]): boolean {
  return rules.some((rule) => hasLabel(labels, rule));
}

/**
 * Compiles a selector that `defineGuard` has already validated. No selector selects every call.
 *
 * @example
 * ```ts
 * const matches = compileGuardSelector({ labels: ['pii'], tools: ['send_*'] });
 * matches({ labels: ['pii:email'], targets: ['op:tool:send_email'], tool: 'send_email' }); // true
 * ```
 */
export function compileGuardSelector(when: GuardSelector | undefined): SelectorMatcher {
  if (when === undefined) return () => true;
  const checks: SelectorMatcher[] = [];
  const { labels, ops, tools } = when;
  if (labels !== undefined) checks.push((subject) => anyLabelMatches(labels, subject.labels));
  if (ops !== undefined) checks.push((subject) => anyLabelMatches(ops, subject.targets));
  if (tools !== undefined) {
    const patterns = tools.map(compileToolPattern);
    checks.push((subject) => patterns.some((matches) => matches(subject.tool)));
  }
  return (subject) => checks.every((check) => check(subject));
}
