import { describe, expect, it } from 'vitest';
import { checkExpected, diffTraces, traceOf } from './compare-paths.js';
import { PARITY_SCENARIOS } from './parity-scenarios.js';
import type { ParityScenario, PathName, PathRun, PathTrace } from './parity-types.js';
import { runCorePath } from './run-core-path.js';
import { runLangchainPath } from './run-langchain-path.js';
import { runVercelAiPath } from './run-vercel-ai-path.js';

const RUNNERS: Readonly<Record<Exclude<PathName, 'core'>, (scenario: ParityScenario) => Promise<PathRun>>> = {
  'vercel-ai': runVercelAiPath,
  langchain: runLangchainPath,
};

/**
 * Differences between a framework path and the core harness that are adapter bugs, not framework traits (each
 * one is diagnosed in docs/parity.md). The comparison is not loosened: the test of that scenario and path
 * asserts that the difference is still there and is the one described (`shows`); when the adapter is fixed the
 * test fails, and the entry must go.
 */
// Differences an adapter is known to have, pinned so the test fails once one is fixed. Empty: every path matches core.
export const KNOWN_ADAPTER_BUGS: Readonly<Record<string, { readonly bug: string; readonly shows: RegExp }>> = {
};

const CORE = new Map<string, Promise<PathTrace>>();

function coreTrace(scenario: ParityScenario): Promise<PathTrace> {
  let trace = CORE.get(scenario.id);
  if (trace === undefined) {
    trace = runCorePath(scenario).then((run) => traceOf(scenario, run));
    CORE.set(scenario.id, trace);
  }
  return trace;
}

describe('parity: the core harness, the Vercel AI SDK and LangChain decide, label and audit alike', () => {
  it('should have at least 12 scenarios, each with a distinct id and an expected outcome for every call', () => {
    expect(PARITY_SCENARIOS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(PARITY_SCENARIOS.map((scenario) => scenario.id)).size).toBe(PARITY_SCENARIOS.length);
    for (const scenario of PARITY_SCENARIOS) {
      const ids = scenario.turns.flatMap((turn) => ('calls' in turn ? turn.calls.map((call) => call.id) : []));
      expect(Object.keys(scenario.expected).sort(), scenario.id).toEqual([...ids].sort());
    }
  });

  describe('core harness: each scenario does what it claims', () => {
    for (const scenario of PARITY_SCENARIOS) {
      it(`${scenario.id}: ${scenario.title}`, async () => {
        const problems = checkExpected(scenario, await coreTrace(scenario));
        expect(problems, problems.join('\n')).toEqual([]);
      });
    }
  });

  for (const path of Object.keys(RUNNERS) as (keyof typeof RUNNERS)[]) {
    describe(`${path} matches the core harness`, () => {
      for (const scenario of PARITY_SCENARIOS) {
        const known = KNOWN_ADAPTER_BUGS[`${path}/${scenario.id}`];
        it(`${scenario.id}${known === undefined ? '' : ` (known adapter bug: ${known.bug})`}`, async () => {
          const expected = await coreTrace(scenario);
          const actual = traceOf(scenario, await RUNNERS[path](scenario));
          const lines = diffTraces(scenario, expected, actual);
          if (known === undefined) {
            expect(lines, `${scenario.id}: ${path} differs from core\n${lines.join('\n')}`).toEqual([]);
            return;
          }
          expect(lines.length, `${scenario.id}: ${path} now matches core: the known bug is fixed, remove its KNOWN_ADAPTER_BUGS entry`).toBeGreaterThan(0);
          expect(lines.join('\n'), `${scenario.id}: ${path} differs from core in another way than the known bug\n${lines.join('\n')}`).toMatch(known.shows);
        });
      }
    });
  }
});
