import { describe, expect, it } from 'vitest';
import { PROBES, benchConversation, benchLookup, buildIndex, lookupFragment, naiveLookup } from '../../bench/src/scaling.js';

// Benchmarks are not tests: this only proves the scaling code runs and that the index and the naive scan it is
// contrasted with agree on what they find.
describe('bench: scaling', () => {
  it('should agree with the naive scan on the probes it times', () => {
    const built = buildIndex(50);
    expect(lookupFragment(3)).toContain('INV-3 ');
    for (const probe of PROBES) {
      for (const at of [0, 7, 49]) {
        const value = probe.value(at);
        const present = probe.name.endsWith('present');
        expect([probe.name, at, built.index.lookup(value).type !== 'novel']).toEqual([probe.name, at, present]);
        expect([probe.name, at, naiveLookup(built.fragments, value)]).toEqual([probe.name, at, present]);
      }
    }
  });

  it('should report finite per-step costs for a growing conversation and finite lookup costs per index size', async () => {
    const conversation = await benchConversation({ checkpoints: [3, 6], outputBytes: 256, repetitions: 1 });
    for (const mode of ['plain', 'full', 'new']) expect(Number.isFinite(conversation.metrics[`conversation.${mode}.growth`])).toBe(true);

    const lookup = await benchLookup({ sizes: [5, 50], samples: 10, warmup: 2, naiveBytesBudget: 1e5, probeBudgetMs: 100 });
    const growths = Object.entries(lookup.metrics).filter(([key]) => key.endsWith('.candidateGrowth'));
    expect(growths.length).toBeGreaterThan(0);
    for (const [, value] of growths) expect(Number.isFinite(value)).toBe(true);
  }, 60_000);
});
