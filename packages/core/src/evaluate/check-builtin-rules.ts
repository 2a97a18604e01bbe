import { hasLabel, labelsMatching } from '../labels/match-label.js';
import type { Label } from '../labels/label.js';
import { BUILTIN_RULES, type BuiltinRuleId } from '../policy/builtin-rules.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import type { ArgumentView, ArgumentViews } from './argument-views.js';
import { violation, type Violation } from './decision.js';
import { isOperation, type OperationTargets } from './operation-targets.js';

function ruleViolation(id: BuiltinRuleId, args: readonly string[], labels: readonly Label[], target?: string): Violation {
  const rule = BUILTIN_RULES.get(id);
  // INVARIANT: every id in BuiltinRuleId has an entry in BUILTIN_RULES.
  const reason = rule?.reason ?? id;
  return violation({ ruleId: id, reason, suggestion: rule?.suggestion ?? '', args, labels, ...(target === undefined ? {} : { target }) });
}

/** A flow rule: some argument (read through `read`) carries `label` while the operation is `category`. */
function flowRule(
  id: BuiltinRuleId,
  views: readonly ArgumentView[],
  read: (view: ArgumentView) => readonly Label[] | undefined,
  triggers: readonly Label[],
): Violation | undefined {
  const args: string[] = [];
  const labels = new Set<Label>();
  for (const view of views) {
    const seen = read(view);
    if (seen === undefined) continue;
    const matched = triggers.flatMap((trigger) => labelsMatching(seen, trigger));
    if (matched.length === 0) continue;
    args.push(view.name);
    for (const label of matched) labels.add(label);
  }
  return args.length === 0 ? undefined : ruleViolation(id, args, [...labels]);
}

/** A positive rule: every non-empty control argument must carry `proof`. */
function positiveRule(id: BuiltinRuleId, views: readonly ArgumentView[], proof: Label): Violation | undefined {
  const missing = views.filter((view) => view.control && !view.empty && !hasLabel(view.grounded, proof)).map((view) => view.name);
  return missing.length === 0 ? undefined : ruleViolation(id, missing, [proof]);
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
export function checkBuiltinRules(
  compiled: CompiledPolicy,
  { views }: ArgumentViews,
  operation: OperationTargets,
): Violation[] {
  const on = compiled.rules;
  const { targets } = operation;
  const found: (Violation | undefined)[] = [];
  const trust = (view: ArgumentView) => (view.control ? view.grounded : undefined);
  // A tool nobody described gets the strict reading: a value the model made up after reading untrusted
  // content counts as untrusted too.
  const untrustedTriggers = operation.undescribed ? ['untrusted', 'influenced'] : ['untrusted'];

  if (isOperation(targets, 'exfil')) {
    if (on.has('no-secret-exfil')) found.push(flowRule('no-secret-exfil', views, (view) => view.sensitivity, ['secret']));
    if (on.has('no-sensitive-exfil')) found.push(flowRule('no-sensitive-exfil', views, (view) => view.sensitivity, ['sensitive']));
  }
  if (isOperation(targets, 'destructive') && on.has('no-untrusted-destructive')) {
    found.push(flowRule('no-untrusted-destructive', views, trust, untrustedTriggers));
  }
  if (isOperation(targets, 'privileged') && on.has('no-untrusted-privileged')) {
    found.push(flowRule('no-untrusted-privileged', views, trust, untrustedTriggers));
  }
  if (isOperation(targets, 'exfil:send')) {
    if (on.has('no-send-to-unknown')) found.push(positiveRule('no-send-to-unknown', views, 'known'));
    if (on.has('no-send-to-external')) found.push(positiveRule('no-send-to-external', views, 'known:internal'));
  }
  if (isOperation(targets, 'destructive:targeted') && on.has('no-destroy-unknown')) {
    found.push(positiveRule('no-destroy-unknown', views, 'known'));
  }
  if (isOperation(targets, 'exec') && on.has('no-influenced-exec')) {
    found.push(flowRule('no-influenced-exec', views, trust, ['influenced', 'untrusted']));
  }
  return found.filter((item): item is Violation => item !== undefined);
}
