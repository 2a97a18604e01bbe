import type { Label } from './label.js';

/**
 * True when a rule label matches `label`: they are equal, `label` is a child of it (`exfil` matches
 * `exfil:send`), or the rule is `*`.
 *
 * @example
 * ```ts
 * matchesLabel('src:mcp', 'src:mcp:github:get_issue'); // true
 * matchesLabel('exfil:send', 'exfil');                  // false
 * ```
 */
export function matchesLabel(rule: Label, label: Label): boolean {
  if (rule === '*' || rule === label) return true;
  return label.length > rule.length && label.startsWith(rule) && label.charCodeAt(rule.length) === 58; // ':'
}

/** Specificity of a rule label: its number of segments; `*` is 0. */
export function labelSpecificity(rule: Label): number {
  if (rule === '*') return 0;
  let segments = 1;
  for (let index = 0; index < rule.length; index += 1) if (rule.charCodeAt(index) === 58) segments += 1;
  return segments;
}

/** True when some label in `labels` matches `rule`. */
export function hasLabel(labels: readonly Label[], rule: Label): boolean {
  for (const label of labels) if (matchesLabel(rule, label)) return true;
  return false;
}

/** The labels in `labels` that `rule` matches. */
export function labelsMatching(labels: readonly Label[], rule: Label): Label[] {
  return labels.filter((label) => matchesLabel(rule, label));
}
