import { hasLabel, matchesLabel } from '../labels/match-label.js';
import type { Label } from '../labels/label.js';
import { BUILTIN_RULES, type BuiltinRuleId } from '../policy/builtin-rules.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import type { ArgumentView, ArgumentViews } from './argument-views.js';
import { violation, type Violation } from './decision.js';
import type { OperationCategories } from './operation-profile.js';
import type { OperationTargets } from './operation-targets.js';

const NO_LABELS: readonly Label[] = Object.freeze([]);
const SECRET: readonly Label[] = Object.freeze(['secret']);
const SENSITIVE: readonly Label[] = Object.freeze(['sensitive']);
const UNTRUSTED: readonly Label[] = Object.freeze(['untrusted']);
const STRICT_UNTRUSTED: readonly Label[] = Object.freeze(['untrusted', 'influenced']);
const INFLUENCED_OR_UNTRUSTED: readonly Label[] = Object.freeze(['influenced', 'untrusted']);

function ruleViolation(id: BuiltinRuleId, args: readonly string[], labels: readonly Label[], target?: string): Violation {
  const rule = BUILTIN_RULES.get(id);
  // INVARIANT: every id in BuiltinRuleId has an entry in BUILTIN_RULES.
  const reason = rule?.reason ?? id;
  return violation({ ruleId: id, reason, suggestion: rule?.suggestion ?? '', args, labels, ...(target === undefined ? {} : { target }) });
}

/**
 * A flow rule: some argument carries a trigger label while the operation is of the rule's category. Sensitivity
 * rules read every argument with the context's sensitivity labels; trust rules read control arguments alone.
 */
function flowRule(id: BuiltinRuleId, views: readonly ArgumentView[], reading: 'sensitivity' | 'trust', triggers: readonly Label[]): Violation | undefined {
  let args: string[] | undefined;
  let labels: Set<Label> | undefined;
  // Arguments that read the same labels share one list (see `argumentViews`): each list is matched once.
  const matchedBy = new Map<readonly Label[], readonly Label[]>();
  for (const view of views) {
    if (reading === 'trust' && !view.control) continue;
    const seen = reading === 'trust' ? view.grounded : view.sensitivity;
    let matched = matchedBy.get(seen);
    if (matched === undefined) {
      matched = matching(seen, triggers);
      matchedBy.set(seen, matched);
    }
    if (matched.length === 0) continue;
    (args ??= []).push(view.name);
    for (const label of matched) (labels ??= new Set()).add(label);
  }
  return args === undefined ? undefined : ruleViolation(id, args, [...(labels ?? [])]);
}

// Trigger by trigger, then label by label: the order a violation lists its labels in.
function matching(seen: readonly Label[], triggers: readonly Label[]): readonly Label[] {
  let matched: Label[] | undefined;
  for (const trigger of triggers) for (const label of seen) if (matchesLabel(trigger, label)) (matched ??= []).push(label);
  return matched ?? NO_LABELS;
}

/** A positive rule: every non-empty control argument must carry `proof`. */
function positiveRule(id: BuiltinRuleId, views: readonly ArgumentView[], proof: Label): Violation | undefined {
  let missing: string[] | undefined;
  for (const view of views) if (view.control && !view.empty && !hasLabel(view.grounded, proof)) (missing ??= []).push(view.name);
  return missing === undefined ? undefined : ruleViolation(id, missing, [proof]);
}

/** `no-novel-urls` for one layer: every URL must carry `known` or match that layer's `urls.allow`. */
export function checkNovelUrls(
  views: readonly ArgumentView[],
  urlAllowed: ((url: string) => boolean) | undefined,
): Violation | undefined {
  const args: string[] = [];
  let first: string | undefined;
  for (const view of views) {
    for (const url of view.urls) {
      if (hasLabel(url.labels, 'known') && !hasLabel(url.labels, 'untrusted')) continue;
      if (urlAllowed?.(url.url) === true) continue;
      if (!args.includes(view.name)) args.push(view.name);
      first ??= url.url;
    }
  }
  return args.length === 0 ? undefined : ruleViolation('no-novel-urls', args, [], first);
}

/**
 * Checks the built-in flow and positive rules that are on in any layer. `no-novel-urls` is per layer (each
 * layer has its own `urls.allow`) and is checked by the caller with `checkNovelUrls`.
 */
export function checkBuiltinRules(compiled: CompiledPolicy, { views }: ArgumentViews, operation: OperationTargets, is: OperationCategories): Violation[] {
  const on = compiled.rules;
  const found: (Violation | undefined)[] = [];
  // A tool nobody described gets the strict reading: a value the model made up after reading untrusted
  // content counts as untrusted too.
  const untrustedTriggers = operation.undescribed ? STRICT_UNTRUSTED : UNTRUSTED;

  if (is.exfil) {
    if (on.has('no-secret-exfil')) found.push(flowRule('no-secret-exfil', views, 'sensitivity', SECRET));
    if (on.has('no-sensitive-exfil')) found.push(flowRule('no-sensitive-exfil', views, 'sensitivity', SENSITIVE));
  }
  if (is.destructive && on.has('no-untrusted-destructive')) {
    found.push(flowRule('no-untrusted-destructive', views, 'trust', untrustedTriggers));
  }
  if (is.privileged && on.has('no-untrusted-privileged')) {
    found.push(flowRule('no-untrusted-privileged', views, 'trust', untrustedTriggers));
  }
  if (is.exfilSend) {
    if (on.has('no-send-to-unknown')) found.push(positiveRule('no-send-to-unknown', views, 'known'));
    if (on.has('no-send-to-external')) found.push(positiveRule('no-send-to-external', views, 'known:internal'));
  }
  if (is.destructiveTargeted && on.has('no-destroy-unknown')) {
    found.push(positiveRule('no-destroy-unknown', views, 'known'));
  }
  if (is.exec && on.has('no-influenced-exec')) {
    found.push(flowRule('no-influenced-exec', views, 'trust', INFLUENCED_OR_UNTRUSTED));
  }
  return found.filter((item): item is Violation => item !== undefined);
}
