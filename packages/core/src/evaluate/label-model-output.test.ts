import { describe, expect, it } from 'vitest';
import { makeDescriptor } from '../labels/descriptor.js';
import { compilePolicy } from '../policy/compile-policy.js';
import { applyUnlabeledStance, labelModelOutput, shouldMarkInfluenced } from './label-model-output.js';

const ON = compilePolicy({});
const OFF = compilePolicy({ defaults: { rules: ['no-secret-exfil'] } });

describe('shouldMarkInfluenced', () => {
  it('should mark model output influenced only when the rule is on and the context holds untrusted', () => {
    expect(shouldMarkInfluenced(ON, { labels: ['untrusted'] })).toBe(true);
    expect(shouldMarkInfluenced(ON, { taint: ['untrusted', 'src:tool:x'] })).toBe(true);
    expect(shouldMarkInfluenced(ON, { labels: ['trusted'], taint: ['src:user'] })).toBe(false);
    expect(shouldMarkInfluenced(OFF, { labels: ['untrusted'] })).toBe(false);
  });
});

describe('labelModelOutput', () => {
  it('should join the context, add llm and influenced, and drop operation labels', () => {
    const context = makeDescriptor({ labels: ['untrusted', 'op:tool:x'], taint: ['src:tool:read_inbox'], sources: ['call_1'] });
    const output = labelModelOutput(ON, context);
    expect(output.labels).toEqual(['influenced', 'llm', 'untrusted']);
    expect(output.taint).toContain('src:tool:read_inbox');
    expect(output.sources).toEqual(['call_1']);
    expect(labelModelOutput(ON, makeDescriptor({ labels: ['trusted'] })).labels).toEqual(['llm', 'trusted']);
  });
});

describe('applyUnlabeledStance', () => {
  it('should label provenance-only values with the stance and leave others alone', () => {
    expect(applyUnlabeledStance(ON, makeDescriptor({ taint: ['src:tool:fetch'] })).labels).toEqual(['untrusted']);
    const trusting = compilePolicy({ defaults: { unlabeled: 'trusted' } });
    expect(applyUnlabeledStance(trusting, makeDescriptor({ taint: ['src:file', 'dir:/srv'] })).labels).toEqual(['trusted']);
    const labelled = makeDescriptor({ labels: ['pii'], taint: ['src:tool:crm'] });
    expect(applyUnlabeledStance(ON, labelled)).toBe(labelled);
    expect(applyUnlabeledStance(ON, makeDescriptor())).toBe(makeDescriptor());
  });
});
