import type { Label } from '../labels/label.js';

/** Why a decision came out the way it did. */
export type DecisionCode =
  | 'allowed'
  | 'capability-denied'
  | 'not-authorized'
  | 'policy-denied'
  | 'limit-exceeded'
  | 'approval-required'
  | 'malformed-request'
  | 'internal-error'
  | 'guard-denied'
  | 'guard-retry'
  | 'approval-denied'
  | 'credential-unavailable'
  | 'audit-unavailable';

/** One rule that a call broke (or, for approvals, that asks for a person). */
export interface Violation {
  readonly ruleId: string;
  /** Stable for the rule: the same text every time it fires. */
  readonly reason: string;
  /** The argument(s) that caused it. */
  readonly args: readonly string[];
  /** The label(s) that caused it. */
  readonly labels: readonly Label[];
  /** The operation target or capability subject that matched, when there is one. */
  readonly target?: string;
  readonly suggestion: string;
}

interface DecisionFields {
  readonly code: DecisionCode;
  readonly tool: string;
  readonly ruleIds: readonly string[];
  readonly reasons: readonly string[];
  readonly args: readonly string[];
  readonly labels: readonly Label[];
  readonly suggestions: readonly string[];
  readonly violations: readonly Violation[];
  /** Each argument's labels as the label rules read them. */
  readonly argLabels: Readonly<Record<string, readonly Label[]>>;
  /** One sentence for people and for the model: what happened, why, and how to fix it. */
  readonly message: string;
}

/** The outcome of evaluating a tool call. */
export type Decision =
  | (DecisionFields & { readonly type: 'allow' })
  | (DecisionFields & {
      readonly type: 'deny';
      /** False for capability, authorization, limit and locked-policy denials: no guard may lift them. */
      readonly overridable: boolean;
    })
  | (DecisionFields & { readonly type: 'require-approval' });

const NO_LABELS: Readonly<Record<string, readonly Label[]>> = Object.freeze({});

const NONE: readonly string[] = Object.freeze([]);
// Below this many values a linear scan costs less than building a set.
const SMALL = 16;

function unique(values: readonly string[]): readonly string[] {
  if (values.length > SMALL) return Object.freeze([...new Set(values)]);
  const out: string[] = [];
  for (const value of values) if (!out.includes(value)) out.push(value);
  return Object.freeze(out);
}

function fields(
  code: DecisionCode,
  tool: string,
  violations: readonly Violation[],
  argLabels: Readonly<Record<string, readonly Label[]>>,
  message: string,
): DecisionFields {
  if (violations.length === 0) {
    return { code, tool, ruleIds: NONE, reasons: NONE, args: NONE, labels: NONE, suggestions: NONE, violations: Object.freeze([]), argLabels, message };
  }
  return {
    code,
    tool,
    ruleIds: unique(violations.map((violation) => violation.ruleId)),
    reasons: unique(violations.map((violation) => violation.reason)),
    args: unique(violations.flatMap((violation) => violation.args)),
    labels: unique(violations.flatMap((violation) => violation.labels)),
    suggestions: unique(violations.map((violation) => violation.suggestion)),
    violations: Object.freeze([...violations]),
    argLabels,
    message,
  };
}

function describeViolation(violation: Violation): string {
  const where = violation.args.length === 0 ? '' : ` in argument${violation.args.length === 1 ? '' : 's'} ${violation.args.map((arg) => `\`${arg}\``).join(', ')}`;
  const subject = violation.target === undefined ? '' : ` (\`${violation.target}\`)`;
  return `${violation.reason}${subject}${where} (rule ${violation.ruleId})`;
}

/** Builds an `allow` decision. */
export function allowDecision({ tool, argLabels = NO_LABELS }: { tool: string; argLabels?: Readonly<Record<string, readonly Label[]>> }): Decision {
  return Object.freeze({ type: 'allow', ...fields('allowed', tool, [], argLabels, `policy allowed \`${tool}\``) });
}

/** Builds a `deny` decision from the violations that caused it. */
export function denyDecision({
  tool,
  code,
  violations,
  overridable,
  argLabels = NO_LABELS,
}: {
  tool: string;
  code: Exclude<DecisionCode, 'allowed' | 'approval-required'>;
  violations: readonly Violation[];
  overridable: boolean;
  argLabels?: Readonly<Record<string, readonly Label[]>>;
}): Decision {
  const first = violations[0];
  const fix = first === undefined ? '' : `; to fix: ${first.suggestion}`;
  const message = `policy denied \`${tool}\`: ${violations.map(describeViolation).join('; ')}${fix}`;
  return Object.freeze({ type: 'deny', overridable, ...fields(code, tool, violations, argLabels, message) });
}

/** Builds a `require-approval` decision: the call is allowed only if a person approves it. */
export function requireApprovalDecision({
  tool,
  violations,
  argLabels = NO_LABELS,
}: {
  tool: string;
  violations: readonly Violation[];
  argLabels?: Readonly<Record<string, readonly Label[]>>;
}): Decision {
  const message = `\`${tool}\` needs approval: ${violations.map(describeViolation).join('; ')}`;
  return Object.freeze({ type: 'require-approval', ...fields('approval-required', tool, violations, argLabels, message) });
}

/** Builds a violation record. */
export function violation(parts: {
  ruleId: string;
  reason: string;
  suggestion: string;
  args?: readonly string[];
  labels?: readonly Label[];
  target?: string;
}): Violation {
  return Object.freeze({
    ruleId: parts.ruleId,
    reason: parts.reason,
    suggestion: parts.suggestion,
    args: Object.freeze([...(parts.args ?? [])]),
    labels: Object.freeze([...(parts.labels ?? [])]),
    ...(parts.target === undefined ? {} : { target: parts.target }),
  });
}
