import { describe, expect, it } from 'vitest';
import { hasGc } from '../../bench/src/harness.js';
import { benchMemory, settledHeap } from '../../bench/src/memory.js';

// Benchmarks are not tests: this only proves the memory benchmark runs (it needs --expose-gc for figures, which
// the test runner does not pass, so here it may only report that it skipped).
describe('bench: memory', () => {
  it('should run its sessions or say it was skipped, and read a heap size', async () => {
    expect(await settledHeap()).toBeGreaterThan(0);
    const report = await benchMemory({ sessions: 4, readings: 2, steps: 2, outputBytes: 256 });
    if (hasGc()) expect(Number.isFinite(report.metrics['memory.bytesPerSession'])).toBe(true);
    else expect(report.metrics['memory.skipped']).toBe(1);
  }, 30_000);
});
