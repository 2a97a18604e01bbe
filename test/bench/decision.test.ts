import { describe, expect, it } from 'vitest';
import { benchDecision } from '../../bench/src/decision.js';
import { POLICY, TOOLS, countRules, tenArgumentCall } from '../../bench/src/fixtures.js';

// Benchmarks are not tests: this only proves the benchmark code runs and measures the decisions it claims to.
describe('bench: decision latency', () => {
  it('should time evaluate and checkToolCall on a realistic policy, allowing the benign call and denying the hostile one', async () => {
    expect(countRules(POLICY)).toBeGreaterThanOrEqual(90);
    expect(Object.keys(TOOLS)).toHaveLength(20);
    expect(Object.keys(tenArgumentCall(false))).toHaveLength(10);

    const report = await benchDecision({ warmup: 2, samples: 10, results: 2 });
    expect(report.metrics).toMatchObject({
      'decision.evaluateAllowIsAllow': 1,
      'decision.evaluateDenyIsDeny': 1,
      'decision.checkAllowIsAllow': 1,
      'decision.checkDenyIsDeny': 1,
    });
    for (const name of ['evaluate.allow', 'evaluate.deny', 'checkToolCall.allow', 'checkToolCall.deny']) {
      expect(Number.isFinite(report.metrics[`decision.${name}.p50Ms`])).toBe(true);
      expect(Number.isFinite(report.metrics[`decision.${name}.p99Ms`])).toBe(true);
    }
    expect(report.text).toContain('| operation');
  });
});
