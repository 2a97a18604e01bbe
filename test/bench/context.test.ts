import { describe, expect, it } from 'vitest';
import { benchContext } from '../../bench/src/context.js';

// Benchmarks are not tests: this only proves the async-context benchmark runs and sees the session it runs in.
describe('bench: async context', () => {
  it('should report a finite ratio per variant and find the session inside session.run', async () => {
    const report = await benchContext({ awaits: 3, warmup: 0, rounds: 2, perRound: 5, reads: 10, aiSteps: 2, aiRounds: 1 });
    const ratios = Object.entries(report.metrics).filter(([key]) => key.endsWith('.ratio'));
    expect(ratios).toHaveLength(4);
    for (const [, ratio] of ratios) expect(Number.isFinite(ratio)).toBe(true);
    // Two reads per unit, every unit: 2 rounds × 5 units.
    expect(report.metrics['context.sessionSeen']).toBe(20);
  }, 30_000);
});
