import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesLabel } from '../labels/match-label.js';
import { compileLabelRules } from './compile-label-rules.js';
import type { CompiledLabelRule } from './compiled-policy.js';

function rule(key: string, deny: string[] = [], allow?: string[]): CompiledLabelRule {
  return { key, deny, allow };
}

describe('compileLabelRules', () => {
  it('should find the rules of a label, its parents and `*`, in policy order', () => {
    const index = compileLabelRules([rule('src:mcp:github'), rule('*'), rule('pii'), rule('src')]);
    expect(index.rulesFor('src:mcp:github:get_issue').map((item) => item.rule.key)).toEqual(['src:mcp:github', '*', 'src']);
    expect(index.rulesFor('src:mcp').map((item) => item.rule.key)).toEqual(['*', 'src']);
    expect(index.rulesFor('srcx').map((item) => item.rule.key)).toEqual(['*']);
  });

  it('should find no rule at all when the layer has none', () => {
    expect(compileLabelRules([]).rulesFor('pii')).toEqual([]);
  });

  it('should rank entries most specific first, keeping policy order among equals', () => {
    const [indexed] = compileLabelRules([rule('pii', ['exfil', '*', 'net:w', 'exfil:send', 'net:r'], ['op:tool:send'])]).rules;
    expect(indexed?.deny.map((entry) => entry.entry)).toEqual(['net:w', 'exfil:send', 'net:r', 'exfil', '*']);
    expect(indexed?.allow?.map((entry) => entry.specificity)).toEqual([3]);
  });

  it('should match a label with the same rules as `matchesLabel`, for any strings', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', '', '*');
    const label = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(':'));
    fc.assert(
      fc.property(fc.uniqueArray(label, { maxLength: 8 }), fc.array(label, { maxLength: 10 }), (keys, labels) => {
        const rules = keys.map((key) => rule(key));
        const index = compileLabelRules(rules);
        for (const item of [...labels, ...labels]) {
          expect(index.rulesFor(item).map((found) => found.rule)).toEqual(rules.filter((candidate) => matchesLabel(candidate.key, item)));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
