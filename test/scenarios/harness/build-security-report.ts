import type { AgentDriver } from './agent-driver.js';
import { createCoreDriver } from './core-driver.js';
import { evaluateSuite, type SuiteRun } from './evaluate-suite.js';
import { runAblations, type AblationReport } from './run-ablations.js';
import type { RunProfile } from './run-benign.js';
import { type AnySuite, PROFILE_IDS } from './scenario-types.js';
import { summarizeRun, totalOf, type RunSummary } from './summarize-run.js';

/** Every run, summary and ablation of the security suite, for the tables and the tests. */
export interface SecurityReport {
  readonly driver: string;
  readonly runs: readonly SuiteRun[];
  /** Per profile (`none` first): each suite's summary, then the total. */
  readonly summaries: ReadonlyMap<RunProfile, readonly RunSummary[]>;
  readonly ablations: readonly AblationReport[];
}

/** Runs every suite under no middleware and each profile, then the ablations of every blocked attack. */
export async function buildSecurityReport(
  suites: readonly AnySuite[],
  { driver = createCoreDriver(), ablations = true }: { driver?: AgentDriver; ablations?: boolean } = {},
): Promise<SecurityReport> {
  const runs: SuiteRun[] = [];
  const summaries = new Map<RunProfile, RunSummary[]>();
  const reports: AblationReport[] = [];
  for (const profile of ['none', ...PROFILE_IDS] as const) {
    const perSuite: RunSummary[] = [];
    for (const suite of suites) {
      const run = await evaluateSuite(suite, profile, { driver });
      runs.push(run);
      perSuite.push(summarizeRun(run));
      if (ablations && profile !== 'none') reports.push(await runAblations(suite, run, { driver }));
    }
    summaries.set(profile, [...perSuite, totalOf(perSuite)]);
  }
  return { driver: driver.name, runs, summaries, ablations: reports };
}
