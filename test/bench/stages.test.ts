import { describe, expect, it } from 'vitest';
import { quantile, summarize } from '../../bench/src/harness.js';
import { benchStages } from '../../bench/src/stages.js';

// Benchmarks are not tests: this only proves the stage timings and the statistics they use are well formed.
describe('bench: stages of a tool result', () => {
  it('should compute nearest-rank quantiles', () => {
    const samples = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(quantile(samples, 0.5)).toBe(50);
    expect(quantile(samples, 0.99)).toBe(99);
    expect(summarize([3, 1, 2])).toMatchObject({ n: 3, p50: 2, min: 1, max: 3 });
  });

  it('should time every stage at every size', async () => {
    const report = await benchStages({ sizes: [256], warmup: 1, samples: 3 });
    const stages = Object.entries(report.metrics).filter(([key]) => key.endsWith('.p50Ms'));
    expect(stages).toHaveLength(10);
    for (const [, value] of stages) expect(Number.isFinite(value)).toBe(true);
  });
});
