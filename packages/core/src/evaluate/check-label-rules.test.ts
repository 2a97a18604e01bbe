import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLabel, labelSpecificity, matchesLabel } from '../labels/match-label.js';
import { isProvenanceLabel, type Label } from '../labels/label.js';
import { compilePolicy } from '../policy/compile-policy.js';
import type { CompiledLabelRule, CompiledLayer } from '../policy/compiled-policy.js';
import type { Policy } from '../policy/policy-schema.js';
import type { ArgumentView, ArgumentViews } from './argument-views.js';
import { checkLabelRules, toViolation, type Found } from './check-label-rules.js';
import type { Violation } from './decision.js';

// The matching as it was before the rules were indexed: every label of every argument against every rule,
// and the best entry found afresh each time. The indexed path must give exactly what this gives.
function naiveBestMatch(entries: readonly Label[] | undefined, targets: readonly Label[]): { entry: Label; specificity: number } | undefined {
  let best: { entry: Label; specificity: number } | undefined;
  for (const entry of entries ?? []) {
    if (!targets.some((target) => matchesLabel(entry, target))) continue;
    const specificity = labelSpecificity(entry);
    if (best === undefined || specificity > best.specificity) best = { entry, specificity };
  }
  return best;
}

function naiveCheckLabelRules(layer: CompiledLayer, { views }: ArgumentViews, denyTargets: readonly Label[], allowTargets: readonly Label[], stance: 'trusted' | 'untrusted'): Violation[] {
  const found = new Map<string, Found>();
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
        const deny = naiveBestMatch(rule.deny, denyTargets);
        const allow = naiveBestMatch(rule.allow, allowTargets);
        if (deny !== undefined && (allow === undefined || allow.specificity <= deny.specificity)) record(rule, 'deny', view.name, label, deny.entry);
        else if (stance === 'untrusted' && untrusted && isProvenanceLabel(label) && rule.allow !== undefined && allow === undefined) record(rule, 'allow', view.name, label);
      }
    }
  }
  return [...found.values()].map(toViolation);
}

// Small hierarchical vocabularies, so that keys, labels and targets often are each other's parents.
const KEYS = ['*', 'src', 'src:mcp', 'src:mcp:github', 'src:tool', 'src:tool:read_inbox', 'pii', 'pii:email', 'secret', 'untrusted', 'dir', 'llm'];
const LABELS = [...KEYS.filter((key) => key !== '*'), 'src:mcp:github:get_issue', 'src:web', 'pii:email:work', 'dir:/srv', 'known', 'trusted', 'influenced'];
const TARGETS = ['*', 'exfil', 'exfil:send', 'exfil:send:email', 'exfil:fetch', 'net', 'net:w', 'destructive', 'op:tool:send', 'op:tool', 'op', 'exec'];

const entriesArb = fc.option(fc.shuffledSubarray(TARGETS, { maxLength: 4 }), { nil: undefined });
const rulesArb = fc.dictionary(
  fc.constantFrom(...KEYS),
  fc.record({ deny: entriesArb, allow: entriesArb }).map((rule) => Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined))),
  { maxKeys: 8 },
);
const viewsArb = fc.array(fc.shuffledSubarray(LABELS, { maxLength: 6 }), { maxLength: 5 }).map((flows) =>
  flows.map((flow, index) => ({ name: `a${index}`, flow: Object.freeze(flow) }) as unknown as ArgumentView),
);

describe('checkLabelRules', () => {
  it('should find exactly what matching every label against every rule finds', () => {
    fc.assert(
      fc.property(
        rulesArb,
        viewsArb,
        fc.shuffledSubarray(TARGETS, { maxLength: 5 }),
        fc.shuffledSubarray(TARGETS, { maxLength: 5 }),
        fc.constantFrom('trusted' as const, 'untrusted' as const),
        (labels, views, denyTargets, allowTargets, stance) => {
          const layer = compilePolicy({ labels } as Policy).layers[0] as CompiledLayer;
          const argumentViews = { views, controlDeclared: true, context: [] };
          const expected = naiveCheckLabelRules(layer, argumentViews, denyTargets, allowTargets, stance);
          expect(checkLabelRules(layer, argumentViews, denyTargets, allowTargets, stance)).toEqual(expected);
          // The index remembers labels across calls: a second call must not see anything of the first.
          expect(checkLabelRules(layer, argumentViews, denyTargets, allowTargets, stance)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('should list violations in the order the arguments, their labels and the rules come', () => {
    const layer = compilePolicy({ labels: { pii: { deny: ['exfil'] }, src: { deny: ['exfil:send'] } } }).layers[0] as CompiledLayer;
    const views = [
      { name: 'body', flow: ['src:web', 'pii'] },
      { name: 'to', flow: ['pii:email'] },
    ] as unknown as ArgumentView[];
    const found = checkLabelRules(layer, { views, controlDeclared: true, context: [] }, ['exfil', 'exfil:send'], [], 'untrusted');
    expect(found.map((item) => [item.ruleId, item.target, item.args, item.labels])).toEqual([
      ['labels.src.deny', 'exfil:send', ['body'], ['src:web']],
      ['labels.pii.deny', 'exfil', ['body', 'to'], ['pii', 'pii:email']],
    ]);
  });
});
