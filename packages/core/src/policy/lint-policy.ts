import type { PolicyIssue } from '../errors/invalid-policy-error.js';
import { LABELS, RISK_CATEGORIES, type Label } from '../labels/label.js';
import { labelSpecificity, matchesLabel } from '../labels/match-label.js';
import { DEFAULT_RULE_IDS, type BuiltinRuleId } from './builtin-rules.js';
import { BUILTIN_OPERATIONS } from './compile-policy.js';
import { safeParsePolicy } from './parse-policy.js';
import type { Policy } from './policy-schema.js';

/** What `lintPolicy` found: errors make the policy unusable; warnings are likely mistakes. */
export interface PolicyLintResult {
  readonly errors: readonly PolicyIssue[];
  readonly warnings: readonly PolicyIssue[];
}

const DYNAMIC_PREFIXES = ['src', 'dir', 'op', 'known', 'signed'];
const PROTECTED_FLOWS: readonly { rule: BuiltinRuleId; label: Label; target: Label }[] = [
  { rule: 'no-secret-exfil', label: 'secret', target: 'exfil' },
  { rule: 'no-sensitive-exfil', label: 'sensitive', target: 'exfil' },
  { rule: 'no-untrusted-destructive', label: 'untrusted', target: 'destructive' },
  { rule: 'no-untrusted-privileged', label: 'untrusted', target: 'privileged' },
];

function related(a: Label, b: Label): boolean {
  return matchesLabel(a, b) || matchesLabel(b, a);
}

function vocabulary(policy: Policy): { data: Label[]; targets: Label[] } {
  const tools = Object.values(policy.tools ?? {});
  const toolLabels = tools.flatMap((tool) => tool.labels ?? []);
  const operations = { ...BUILTIN_OPERATIONS, ...(policy.operations ?? {}) };
  const categories = [...RISK_CATEGORIES, ...Object.keys(operations)];
  const mapped = Object.values(operations).flat();
  return {
    data: [...Object.values(LABELS), ...DYNAMIC_PREFIXES, ...toolLabels, ...tools.flatMap((tool) => tool.output?.labels ?? []), ...categories, ...mapped],
    targets: [...DYNAMIC_PREFIXES, ...categories, ...mapped, ...toolLabels, 'tool:w', 'net', 'fs', 'llm'],
  };
}

function lintLabels(policy: Policy, warnings: PolicyIssue[]): void {
  const { data, targets } = vocabulary(policy);
  const rules = new Set(policy.defaults?.rules ?? DEFAULT_RULE_IDS);
  for (const key of Object.keys(policy.labels ?? {})) {
    const rule = policy.labels?.[key];
    if (key !== '*' && !data.some((known) => related(known, key))) {
      warnings.push({ path: ['labels', key], code: 'unknown-label', message: `no built-in, tool or operation produces label \`${key}\`, so this rule only fires if your app applies it with label(); check the spelling` });
    }
    for (const kind of ['deny', 'allow'] as const) {
      rule?.[kind]?.forEach((target, index) => {
        if (target !== '*' && !targets.some((known) => related(known, target))) {
          warnings.push({ path: ['labels', key, kind, index], code: 'unreachable-target', message: `no operation can carry \`${target}\`: use a risk category, an \`op:\` label or a label declared on a tool` });
        }
      });
    }
    rule?.allow?.forEach((target, index) => {
      const beaten = (rule.deny ?? []).some((deny) => matchesLabel(deny, target) && labelSpecificity(target) <= labelSpecificity(deny));
      if (beaten) {
        warnings.push({ path: ['labels', key, 'allow', index], code: 'ineffective-allow', message: `\`${target}\` is not more specific than a deny it overlaps, and ties deny, so it never allows anything` });
      }
      for (const flow of PROTECTED_FLOWS) {
        if (rules.has(flow.rule) && matchesLabel(flow.label, key) && related(flow.target, target)) {
          warnings.push({ path: ['labels', key, 'allow', index], code: 'allow-cannot-override-builtin', message: `\`${target}\` cannot override the built-in rule \`${flow.rule}\`, which is on` });
        }
      }
    });
  }
  policy.requireApproval?.forEach((target, index) => {
    if (!targets.some((known) => related(known, target))) {
      warnings.push({ path: ['requireApproval', index], code: 'unreachable-target', message: `no operation can carry \`${target}\`: use a risk category, an \`op:tool:<name>\` label or a label declared on a tool` });
    }
  });
}

function lintTools(policy: Policy, warnings: PolicyIssue[]): void {
  const tools = policy.tools ?? {};
  if (Object.keys(tools).length === 0) return;
  for (const tool of Object.keys(policy.authorizations?.allow ?? {})) {
    if (!Object.hasOwn(tools, tool)) {
      warnings.push({ path: ['authorizations', 'allow', tool], code: 'unknown-tool', message: `tool \`${tool}\` is not described under \`tools\`; check the name` });
    }
  }
  const declared = Object.values(tools).flatMap((tool) => tool.labels ?? []);
  for (const [category, labels] of Object.entries(policy.operations ?? {})) {
    labels.forEach((label, index) => {
      if (!declared.some((candidate) => matchesLabel(label, candidate))) {
        warnings.push({ path: ['operations', category, index], code: 'unused-operation-label', message: `no tool under \`tools\` carries \`${label}\`, so this mapping only applies to tools described elsewhere` });
      }
    });
  }
}

/**
 * Checks a policy for errors (everything `parsePolicy` rejects, such as unknown rule names) and likely mistakes:
 * labels no rule can ever match, targets no operation can carry, allows that can never win, allows that try to
 * override a built-in rule, authorizations for undescribed tools.
 *
 * @example
 * ```ts
 * const { errors, warnings } = lintPolicy({ labels: { secrte: { deny: ['exfil'] } } });
 * warnings[0].code; // 'unknown-label'
 * ```
 */
export function lintPolicy(input: unknown): PolicyLintResult {
  const parsed = safeParsePolicy(input);
  if (!parsed.success) return Object.freeze({ errors: parsed.issues, warnings: Object.freeze([]) });
  const warnings: PolicyIssue[] = [];
  lintLabels(parsed.policy, warnings);
  lintTools(parsed.policy, warnings);
  return Object.freeze({ errors: Object.freeze([]), warnings: Object.freeze(warnings) });
}
