import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinAll, makeDescriptor, type Descriptor } from '../labels/descriptor.js';
import { hasLabel, matchesLabel } from '../labels/match-label.js';
import { compilePolicy } from '../policy/compile-policy.js';
import { resultDescriptor } from './result-descriptor.js';
import type { SessionState } from './session-state.js';

/** The first implementation: each part a descriptor, joined one by one. */
function reference(state: SessionState, toolCallId: string, toolName: string, outputLabels: readonly string[]): { descriptor: Descriptor; conflict: boolean } {
  const declared = makeDescriptor({
    labels: outputLabels.filter((label) => !label.startsWith('src:')),
    taint: outputLabels.some((label) => label.startsWith('src:')) ? outputLabels.filter((label) => label.startsWith('src:')) : [`src:tool:${toolName}`],
    sources: [toolCallId],
  });
  const declaresTrust = hasLabel(declared.labels, 'trusted') || hasLabel(declared.labels, 'untrusted');
  const stance = declaresTrust ? [] : [state.policy.unlabeled];
  const parts = [declared, makeDescriptor({ labels: stance }), state.inputs.get(toolCallId)?.descriptor, state.subagents.get(toolCallId)];
  const joined = joinAll(parts.filter((part): part is Descriptor => part !== undefined));
  const conflict = hasLabel(joined.labels, 'trusted') && hasLabel(joined.labels, 'untrusted');
  if (!conflict) return { descriptor: joined, conflict };
  const keep = (label: string) => !matchesLabel('trusted', label);
  return { descriptor: makeDescriptor({ labels: joined.labels.filter(keep), taint: joined.taint.filter(keep), sources: joined.sources }), conflict };
}

const LABELS = ['trusted', 'trusted:partly', 'untrusted', 'pii', 'secret', 'known', 'src:mcp:github', 'src:tool:x', 'src:user', 'financial'];
const descriptor = fc.record({
  labels: fc.subarray(LABELS),
  taint: fc.subarray(LABELS),
  sources: fc.subarray(['c0', 'c1', 'guard:g']),
}).map((parts) => makeDescriptor(parts));

describe('resultDescriptor', () => {
  it('should equal the join of the declared labels, the stance, the inputs and what sub-agents saw', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('untrusted', 'trusted'),
        fc.subarray(LABELS),
        fc.option(descriptor, { nil: undefined }),
        fc.option(descriptor, { nil: undefined }),
        (unlabeled, outputLabels, inputs, seen) => {
          const state = {
            policy: compilePolicy({ defaults: { unlabeled } }),
            inputs: new Map(inputs === undefined ? [] : [['c1', { descriptor: inputs, args: [] }]]),
            subagents: new Map(seen === undefined ? [] : [['c1', seen]]),
          } as unknown as SessionState;
          const made = resultDescriptor(state, 'c1', 'read', outputLabels);
          const expected = reference(state, 'c1', 'read', outputLabels);
          expect(made.conflict).toBe(expected.conflict);
          expect(made.descriptor).toBe(expected.descriptor);
        },
      ),
      { numRuns: 500 },
    );
  });
});
