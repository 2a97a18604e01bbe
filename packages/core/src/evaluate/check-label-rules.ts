import { hasLabel, matchesLabel } from '../labels/match-label.js';
import { isProvenanceLabel, type Label } from '../labels/label.js';
import type { IndexedLabelRule, LabelRuleIndex, RankedEntry } from '../policy/compile-label-rules.js';
import type { CompiledLabelRule, CompiledLayer } from '../policy/compiled-policy.js';
import type { ArgumentViews } from './argument-views.js';
import { violation, type Violation } from './decision.js';

/** What a rule says about this operation, whatever label triggered it: it depends only on the targets. */
type Outcome = { readonly kind: 'deny'; readonly entry: Label } | { readonly kind: 'allow-only' } | { readonly kind: 'none' };

const ALLOW_ONLY: Outcome = { kind: 'allow-only' };
const NONE: Outcome = { kind: 'none' };

function bestMatch(entries: readonly RankedEntry[] | undefined, targets: readonly Label[]): RankedEntry | undefined {
  if (entries === undefined) return undefined;
  for (const ranked of entries) {
    for (const target of targets) if (matchesLabel(ranked.entry, target)) return ranked;
  }
  return undefined;
}

function outcomeOf(indexed: IndexedLabelRule, denyTargets: readonly Label[], allowTargets: readonly Label[]): Outcome {
  const deny = bestMatch(indexed.deny, denyTargets);
  const allow = bestMatch(indexed.allow, allowTargets);
  if (deny !== undefined && (allow === undefined || allow.specificity <= deny.specificity)) return { kind: 'deny', entry: deny.entry };
  return indexed.allow !== undefined && allow === undefined ? ALLOW_ONLY : NONE;
}

/** A label of an argument and a rule whose key matches it, in the order the label and the rules come. */
interface Hit {
  readonly indexed: IndexedLabelRule;
  readonly label: Label;
}

function hitsOf(index: LabelRuleIndex, flow: readonly Label[]): readonly Hit[] {
  const hits: Hit[] = [];
  for (const label of flow) for (const indexed of index.rulesFor(label)) hits.push({ indexed, label });
  return hits;
}

export interface Found {
  readonly rule: CompiledLabelRule;
  readonly kind: 'deny' | 'allow';
  readonly entry?: Label;
  readonly args: Set<string>;
  readonly labels: Set<Label>;
}

/** The violation a `labels` rule finding becomes (also used by the reference matcher in the tests). */
export function toViolation(item: Found): Violation {
  return item.kind === 'deny'
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
      });
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
  const index = layer.labelRuleIndex;
  if (index.rules.length === 0) return [];
  // Filled lazily: most rules match no label of the call.
  const outcomes: (Outcome | undefined)[] = [];
  // Arguments that read the same labels share one list (see `argumentViews`): its rules are looked up once.
  const hitsByFlow = new Map<readonly Label[], readonly Hit[]>();
  // Keyed by rule and kind: within one call a rule's deny entry is fixed, so this is the rule, kind and entry.
  const found = new Map<number, Found>();

  for (const view of views) {
    let hits = hitsByFlow.get(view.flow);
    if (hits === undefined) {
      hits = hitsOf(index, view.flow);
      hitsByFlow.set(view.flow, hits);
    }
    let untrusted: boolean | undefined;
    for (const { indexed, label } of hits) {
      let outcome = outcomes[indexed.position];
      if (outcome === undefined) {
        outcome = outcomeOf(indexed, denyTargets, allowTargets);
        outcomes[indexed.position] = outcome;
      }
      if (outcome.kind === 'none') continue;
      if (outcome.kind === 'allow-only') {
        if (stance !== 'untrusted' || !isProvenanceLabel(label)) continue;
        untrusted ??= hasLabel(view.flow, 'untrusted');
        if (!untrusted) continue;
      }
      const kind = outcome.kind === 'deny' ? 'deny' : 'allow';
      const key = indexed.position * 2 + (kind === 'deny' ? 0 : 1);
      let item = found.get(key);
      if (item === undefined) {
        item = { rule: indexed.rule, kind, ...(outcome.kind === 'deny' ? { entry: outcome.entry } : {}), args: new Set(), labels: new Set() };
        found.set(key, item);
      }
      item.args.add(view.name);
      item.labels.add(label);
    }
  }
  if (found.size === 0) return [];
  return [...found.values()].map(toViolation);
}
