import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, validateRequest } from '@labelflow/core';
import {
  NON_POSITIVE_LABELS,
  addLabel,
  isValidPolicy,
  labelTargetArb,
  layerArb,
  requestArb,
  toolsSectionArb,
  withTools,
} from '../helpers/arbitraries.js';

const OPTIONS = { homeDir: '/home/u', cwd: '/work/app' };

// Non-positive labels: the vocabulary the rules read, plus arbitrary hierarchical labels and children of
// labels the rules care about (`untrusted:web`, `secret:api`) — but never `known`, `known:*` or `trusted`.
const addedLabelArb = fc.oneof(
  fc.constantFrom(...NON_POSITIVE_LABELS),
  fc.constantFrom('secret:api', 'untrusted:web', 'influenced:x', 'src:tool:fetch', 'op:tool:x', 'exfil', '*', 'knownish', 'trusted:x'),
  fc.stringMatching(/^[a-z]{1,5}(:[a-z]{1,5}){0,2}$/),
).filter((label) => label !== 'trusted' && label !== 'known' && !label.startsWith('known:'));

const policyArb = fc
  .tuple(fc.array(layerArb, { minLength: 1, maxLength: 2 }), toolsSectionArb)
  .map(([layers, tools]) => layers.map((layer) => withTools(layer, tools)))
  .filter((layers) => layers.every(isValidPolicy));

describe('monotonicity (docs: "The unlabeled stance")', () => {
  it('should never turn a deny into an allow or approval when a non-positive label is added to an argument or the context', () => {
    let denials = 0;
    fc.assert(
      fc.property(policyArb, requestArb, labelTargetArb, addedLabelArb, (layers, request, target, label) => {
        expect(validateRequest(request)).toBeUndefined();
        const compiled = compilePolicy(layers, OPTIONS);
        const before = evaluate(compiled, request);
        if (before.type !== 'deny') return;
        denials += 1;
        const after = evaluate(compiled, addLabel(request, target, label));
        expect(after.type, `adding ${label} turned ${before.message} into ${after.message}`).toBe('deny');
      }),
      { numRuns: 300 },
    );
    // The property is only meaningful if denials were actually generated.
    expect(denials).toBeGreaterThan(50);
  });
});
