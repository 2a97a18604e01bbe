/**
 * The built-in rules. Each has a stable id (used in `defaults.rules`, in decisions and in the audit trail), a
 * stable reason string and a suggestion that tells the user how to fix a legitimate call that was denied.
 */
export const BUILTIN_RULE_IDS = [
  'no-secret-exfil',
  'no-sensitive-exfil',
  'no-untrusted-destructive',
  'no-untrusted-privileged',
  'no-send-to-unknown',
  'no-send-to-external',
  'no-destroy-unknown',
  'no-novel-urls',
  'no-influenced-exec',
  'untrusted-llms-get-influenced',
] as const;

/** The id of a built-in rule. */
export type BuiltinRuleId = (typeof BUILTIN_RULE_IDS)[number];

/** How a built-in rule reads a tool call. */
export interface BuiltinRule {
  readonly id: BuiltinRuleId;
  /** `flow`: a label may not reach an operation; `positive`: control arguments must carry proof; `labelling`: adds labels, never denies. */
  readonly kind: 'flow' | 'positive' | 'url' | 'labelling';
  /** The stable reason given in every denial by this rule. */
  readonly reason: string;
  /** How to make a legitimate call pass. */
  readonly suggestion: string;
}

const RULES: readonly BuiltinRule[] = [
  {
    id: 'no-secret-exfil',
    kind: 'flow',
    reason: "label 'secret' cannot flow to 'exfil'",
    suggestion: 'pass credentials through the tool\'s `auth` so they never appear in arguments, or leave the secret out of the call',
  },
  {
    id: 'no-sensitive-exfil',
    kind: 'flow',
    reason: "label 'sensitive' cannot flow to 'exfil'",
    suggestion: 'leave the sensitive data out of the call, or send it through a tool that is not labelled `exfil`',
  },
  {
    id: 'no-untrusted-destructive',
    kind: 'flow',
    reason: "label 'untrusted' cannot flow to 'destructive'",
    suggestion: 'take the target from the user or a trusted tool, or declare which arguments are control arguments so payload text is not checked',
  },
  {
    id: 'no-untrusted-privileged',
    kind: 'flow',
    reason: "label 'untrusted' cannot flow to 'privileged'",
    suggestion: 'take privileged arguments only from the user or a trusted tool',
  },
  {
    id: 'no-send-to-unknown',
    kind: 'positive',
    reason: "exfil:send destination must carry 'known'",
    suggestion: 'use a recipient the user named or a trusted tool returned, or authorize it in the task manifest',
  },
  {
    id: 'no-send-to-external',
    kind: 'positive',
    reason: "exfil:send destination must carry 'known:internal'",
    suggestion: 'send only to recipients from a source labelled `known:internal`',
  },
  {
    id: 'no-destroy-unknown',
    kind: 'positive',
    reason: "destructive:targeted target must carry 'known'",
    suggestion: 'use a target the user named or a trusted tool returned',
  },
  {
    id: 'no-novel-urls',
    kind: 'url',
    reason: 'urls in an exfil operation must come from trusted input',
    suggestion: 'use a URL the user gave or a trusted tool returned, or add its host to `urls.allow`',
  },
  {
    id: 'no-influenced-exec',
    kind: 'flow',
    reason: 'command text made by a model in an untrusted context cannot run',
    suggestion: 'run only commands the user typed or trusted configuration provided',
  },
  {
    id: 'untrusted-llms-get-influenced',
    kind: 'labelling',
    reason: "model output in a context holding 'untrusted' is labelled 'influenced'",
    suggestion: 'keep untrusted content out of the context, or accept that outputs are influenced',
  },
];

/** Built-in rules by id. */
export const BUILTIN_RULES: ReadonlyMap<BuiltinRuleId, BuiltinRule> = new Map(RULES.map((rule) => [rule.id, Object.freeze(rule)]));

/**
 * The rules that are on when a policy does not list `defaults.rules`: every built-in rule except
 * `no-send-to-external`, which needs recipients tiered as `known:internal` and would otherwise block every send.
 */
export const DEFAULT_RULE_IDS: readonly BuiltinRuleId[] = Object.freeze(
  BUILTIN_RULE_IDS.filter((id) => id !== 'no-send-to-external'),
);

/** True when `name` is the id of a built-in rule. */
export function isBuiltinRuleId(name: unknown): name is BuiltinRuleId {
  return typeof name === 'string' && (BUILTIN_RULE_IDS as readonly string[]).includes(name);
}
