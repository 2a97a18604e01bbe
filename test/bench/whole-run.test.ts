import { createSession } from '@labelflow/core';
import { describe, expect, it } from 'vitest';
import { FRAMEWORKS, benchPolicy, wrappedEngineRun } from '../../bench/src/agent-loops.js';
import { script } from '../../bench/src/fixtures.js';
import { benchWholeRun } from '../../bench/src/whole-run.js';

// Benchmarks are not tests: this only proves the runs are like for like (the benign script is fully allowed, in
// every framework) and that the report's ratios are numbers.
describe('bench: whole-run overhead', () => {
  it('should execute every call of the scripted 20-step run through the engine', async () => {
    const outcome = await wrappedEngineRun(script(1024), createSession({ policy: benchPolicy() }));
    expect(outcome.denied).toEqual([]);
    expect(outcome).toMatchObject({ steps: 20, executed: 20 });
  });

  it('should execute the scripted steps plain and wrapped in every framework, and report finite ratios', async () => {
    const steps = script(256, 3);
    for (const framework of FRAMEWORKS) {
      expect(await framework.plain(steps)()).toMatchObject({ steps: 3, executed: 3 });
      // The hand-wired wrappings use only the engine; the adapters are their packages' (checked by their own tests).
      for (const wrapping of framework.wrappings.filter((item) => item.name !== 'adapter')) {
        expect([framework.name, await wrapping.make(steps, benchPolicy())()]).toMatchObject([framework.name, { steps: 3, executed: 3, denied: [] }]);
      }
    }
    const report = await benchWholeRun({ sizes: [256], steps: 3, warmup: 0, rounds: 1, perRound: 1 });
    for (const run of ['engine.engine', 'ai@7.hand.wired', 'LangChain.hand.wired']) {
      expect([run, Number.isFinite(report.metrics[`run.${run}.256.ratio`])]).toEqual([run, true]);
    }
  }, 60_000);
});
