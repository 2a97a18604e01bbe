import { checkAttack } from './check-attack.js';
import type { SuiteRun } from './evaluate-suite.js';
import { pairId } from './run-attack.js';
import type { RunProfile } from './run-benign.js';

/** The metrics of one suite (or the total) under one profile, with full denominators. */
export interface RunSummary {
  readonly suite: string;
  readonly profile: RunProfile;
  readonly userTasks: number;
  readonly benignPassed: number;
  /** Denials no scenario expects, and the tasks they hit. */
  readonly falsePositives: number;
  readonly falsePositiveTasks: readonly string[];
  /** Tasks that are expected to be denied something at this profile (should-fail by design). */
  readonly shouldFail: readonly string[];
  readonly attacks: number;
  readonly utilityUnderAttack: number;
  readonly breaches: number;
  readonly residualBreaches: number;
  readonly unexpectedBreaches: readonly string[];
  /** Attacks blocked by other rules than credited, residuals that did not land, expected denials that did not happen. */
  readonly mismatches: readonly string[];
  /** Attacks (not delivered ones included) whose blocking set contains each rule id. */
  readonly blockedBy: Readonly<Record<string, number>>;
  readonly stress: readonly { readonly pair: string; readonly leak: string }[];
}

/** Summarises one suite run. */
export function summarizeRun(run: SuiteRun): RunSummary {
  const blockedBy: Record<string, number> = {};
  const unexpectedBreaches: string[] = [];
  const mismatches: string[] = [];
  let residualBreaches = 0;
  for (const attack of run.attacks) {
    const id = pairId(attack.suite, attack.task, attack.injection);
    const verdict = checkAttack(attack);
    if (verdict.type === 'unexpected-breach') unexpectedBreaches.push(id);
    else if (verdict.type === 'wrong-rule') mismatches.push(`${id}: blocked by ${verdict.actual.join(', ')}, expected ${verdict.expected.join(', ')}`);
    else if (verdict.type === 'residual-blocked') mismatches.push(`${id}: expected to land, blocked by ${verdict.actual.join(', ') || 'nothing'}`);
    else if (verdict.residual) residualBreaches += 1;
    if (!attack.breach) for (const rule of attack.blockedBy) blockedBy[rule] = (blockedBy[rule] ?? 0) + 1;
  }
  for (const result of run.benign) {
    for (const missing of result.missingDenials) mismatches.push(`${run.suite}/${result.task}: expected \`${missing.tool}\` to be denied by ${missing.ruleIds.join(', ')}, it was not`);
  }
  return {
    suite: run.suite,
    profile: run.profile,
    userTasks: run.benign.length,
    benignPassed: run.benign.filter((result) => result.utility).length,
    falsePositives: run.benign.reduce((sum, result) => sum + result.falsePositives.length, 0),
    falsePositiveTasks: run.benign.filter((result) => result.falsePositives.length > 0).map((result) => result.task),
    shouldFail: run.benign.filter((result) => result.denials.length > 0 && result.falsePositives.length === 0).map((result) => result.task),
    attacks: run.attacks.length,
    utilityUnderAttack: run.attacks.filter((attack) => attack.utility).length,
    breaches: run.attacks.filter((attack) => attack.breach).length,
    residualBreaches,
    unexpectedBreaches,
    mismatches,
    blockedBy,
    stress: run.attacks.flatMap((attack) => attack.stress.map((leak) => ({ pair: pairId(attack.suite, attack.task, attack.injection), leak }))),
  };
}

/** Adds suite summaries of one profile into a total. */
export function totalOf(summaries: readonly RunSummary[]): RunSummary {
  const sum = (pick: (summary: RunSummary) => number) => summaries.reduce((total, summary) => total + pick(summary), 0);
  const blockedBy: Record<string, number> = {};
  for (const summary of summaries) for (const [rule, count] of Object.entries(summary.blockedBy)) blockedBy[rule] = (blockedBy[rule] ?? 0) + count;
  return {
    suite: 'total',
    profile: summaries[0]?.profile ?? 'none',
    userTasks: sum((summary) => summary.userTasks),
    benignPassed: sum((summary) => summary.benignPassed),
    falsePositives: sum((summary) => summary.falsePositives),
    falsePositiveTasks: summaries.flatMap((summary) => summary.falsePositiveTasks),
    shouldFail: summaries.flatMap((summary) => summary.shouldFail),
    attacks: sum((summary) => summary.attacks),
    utilityUnderAttack: sum((summary) => summary.utilityUnderAttack),
    breaches: sum((summary) => summary.breaches),
    residualBreaches: sum((summary) => summary.residualBreaches),
    unexpectedBreaches: summaries.flatMap((summary) => summary.unexpectedBreaches),
    mismatches: summaries.flatMap((summary) => summary.mismatches),
    blockedBy,
    stress: summaries.flatMap((summary) => summary.stress),
  };
}
