import { hasLabel, labelSpecificity, matchesLabel } from '../labels/match-label.js';
import { isProvenanceLabel, type Label } from '../labels/label.js';
import type { CompiledLabelRule, CompiledLayer } from '../policy/compiled-policy.js';
import type { ArgumentViews } from './argument-views.js';
import { violation, type Violation } from './decision.js';

interface Match {
  readonly entry: Label;
  readonly specificity: number;
}

function bestMatch(entries: readonly Label[] | undefined, targets: readonly Label[]): Match | undefined {
  let best: Match | undefined;
  for (const entry of entries ?? []) {
    if (!targets.some((target) => matchesLabel(entry, target))) continue;
    const specificity = labelSpecificity(entry);
    if (best === undefined || specificity > best.specificity) best = { entry, specificity };
  }
  return best;
}

/**
 * Checks one layer's `labels` rules: for each label an argument carries that has a rule, the most specific deny
 * that matches the operation wins unless an allow is strictly more specific (ties deny). Deny entries match
 * the targets of every layer's `operations` mapping; allow entries only this layer's own, so no other layer can
 * widen an allow. Under the `untrusted` stance, provenance labels of untrusted arguments with an allow list are
 * allow-only.
 */
export function checkLabelRules(
  layer: CompiledLayer,
  { views }: ArgumentViews,
  denyTargets: readonly Label[],
  allowTargets: readonly Label[],
  stance: 'trusted' | 'untrusted',
): Violation[] {
  if (layer.labelRules.length === 0) return [];
  const found = new Map<string, { rule: CompiledLabelRule; kind: 'deny' | 'allow'; entry?: Label; args: Set<string>; labels: Set<Label> }>();
  const record = (rule: CompiledLabelRule, kind: 'deny' | 'allow', arg: string, label: Label, entry?: Label) => {
    const key = `${kind}\u0000${rule.key}\u0000${entry ?? ''}`;
    let item = found.get(key);
    if (item === undefined) {
      item = { rule, kind, ...(entry === undefined ? {} : { entry }), args: new Set(), labels: new Set() };
      found.set(key, item);
    }
    item.args.add(arg);
    item.labels.add(label);
  };

  for (const view of views) {
    const untrusted = hasLabel(view.flow, 'untrusted');
    for (const label of view.flow) {
      for (const rule of layer.labelRules) {
        if (!matchesLabel(rule.key, label)) continue;
        const deny = bestMatch(rule.deny, denyTargets);
        const allow = bestMatch(rule.allow, allowTargets);
        if (deny !== undefined && (allow === undefined || allow.specificity <= deny.specificity)) {
          record(rule, 'deny', view.name, label, deny.entry);
        } else if (stance === 'untrusted' && untrusted && isProvenanceLabel(label) && rule.allow !== undefined && allow === undefined) {
          record(rule, 'allow', view.name, label);
        }
      }
    }
  }

  return [...found.values()].map((item) =>
    item.kind === 'deny'
      ? violation({
          ruleId: `labels.${item.rule.key}.deny`,
          reason: `label '${item.rule.key}' cannot flow to '${item.entry ?? ''}'`,
          suggestion: `leave data labelled \`${item.rule.key}\` out of this call, or add a more specific \`allow\` to \`labels.${item.rule.key}\``,
          args: [...item.args],
          labels: [...item.labels],
          ...(item.entry === undefined ? {} : { target: item.entry }),
        })
      : violation({
          ruleId: `labels.${item.rule.key}.allow`,
          reason: `label '${item.rule.key}' is not explicitly allowed for this operation`,
          suggestion: `add this operation to \`labels.${item.rule.key}.allow\`, or take the value from a trusted source`,
          args: [...item.args],
          labels: [...item.labels],
        }),
  );
}
