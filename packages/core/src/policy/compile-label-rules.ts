import { labelSpecificity } from '../labels/match-label.js';
import type { Label } from '../labels/label.js';
import type { CompiledLabelRule } from './compiled-policy.js';

/** A deny or allow entry of a `labels` rule with its specificity. */
export interface RankedEntry {
  readonly entry: Label;
  readonly specificity: number;
}

/** A `labels` rule prepared for evaluation. */
export interface IndexedLabelRule {
  readonly rule: CompiledLabelRule;
  /** Where the rule stands in the layer's `labels` section. */
  readonly position: number;
  /**
   * Entries most specific first; among equally specific entries, policy order. The first entry that matches a
   * target is then the one a scan keeping the first strictly more specific match would pick.
   */
  readonly deny: readonly RankedEntry[];
  readonly allow: readonly RankedEntry[] | undefined;
}

/** The `labels` rules of one layer, indexed by the labels they match. */
export interface LabelRuleIndex {
  readonly rules: readonly IndexedLabelRule[];
  /** The rules whose key matches `label` (it, a parent of it, or `*`), in policy order. */
  rulesFor(label: Label): readonly IndexedLabelRule[];
}

// Labels come from grounding, and some carry per-call provenance: the memo is bounded so it cannot grow without end.
const MAX_MEMOISED_LABELS = 4096;
const NONE: readonly IndexedLabelRule[] = Object.freeze([]);

function rank(entries: readonly Label[]): readonly RankedEntry[] {
  const ranked = entries.map((entry, order) => ({ entry, specificity: labelSpecificity(entry), order }));
  ranked.sort((a, b) => b.specificity - a.specificity || a.order - b.order);
  return Object.freeze(ranked.map(({ entry, specificity }) => Object.freeze({ entry, specificity })));
}

/**
 * Indexes a layer's `labels` rules by key, so the rules that match a label are found by looking up the label and
 * each of its parents (`src:mcp:github` → `src:mcp`, `src`) instead of testing every rule.
 */
export function compileLabelRules(rules: readonly CompiledLabelRule[]): LabelRuleIndex {
  const indexed = rules.map((rule, position) =>
    Object.freeze({ rule, position, deny: rank(rule.deny), allow: rule.allow === undefined ? undefined : rank(rule.allow) }),
  );
  const byKey = new Map<Label, IndexedLabelRule>();
  for (const item of indexed) if (!byKey.has(item.rule.key)) byKey.set(item.rule.key, item);
  const memo = new Map<Label, readonly IndexedLabelRule[]>();

  const lookUp = (label: Label): readonly IndexedLabelRule[] => {
    const found: IndexedLabelRule[] = [];
    const wildcard = byKey.get('*');
    if (wildcard !== undefined) found.push(wildcard);
    for (let index = 0; index < label.length; index += 1) {
      if (label.charCodeAt(index) !== 58) continue; // ':'
      const parent = byKey.get(label.slice(0, index));
      if (parent !== undefined && parent !== wildcard) found.push(parent);
    }
    const own = byKey.get(label);
    if (own !== undefined && own !== wildcard) found.push(own);
    if (found.length === 0) return NONE;
    found.sort((a, b) => a.position - b.position);
    return Object.freeze(found);
  };

  return Object.freeze({
    rules: Object.freeze(indexed),
    rulesFor(label: Label): readonly IndexedLabelRule[] {
      if (byKey.size === 0) return NONE;
      let found = memo.get(label);
      if (found === undefined) {
        found = lookUp(label);
        if (memo.size >= MAX_MEMOISED_LABELS) memo.clear();
        memo.set(label, found);
      }
      return found;
    },
  });
}
