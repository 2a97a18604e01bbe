import type { AgentDriver, CallRecord } from './agent-driver.js';
import { createBenignModel } from './benign-model.js';
import { buildProtection } from './build-protection.js';
import { createCoreDriver } from './core-driver.js';
import { bindTools } from './define-tool.js';
import type { AnySuite, AnyUserTask, ExecutedCall, ExpectedDenial, ProfileId } from './scenario-types.js';

/** `none` runs with no middleware at all. */
export type RunProfile = ProfileId | 'none';

export interface Denial {
  readonly tool: string;
  readonly ruleIds: readonly string[];
}

export interface BenignResult {
  readonly suite: string;
  readonly task: string;
  readonly profile: RunProfile;
  readonly utility: boolean;
  readonly denials: readonly Denial[];
  /** Denials the task does not expect at this profile. */
  readonly falsePositives: readonly Denial[];
  /** Expected denials that did not happen (the task passed where the scenario says it cannot). */
  readonly missingDenials: readonly ExpectedDenial[];
}

export function sameRules(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((rule, index) => rule === right[index]);
}

/** The calls a grader may read: only executed ones (a denied call never happened). */
export function executedCalls(calls: readonly CallRecord[]): ExecutedCall[] {
  return calls.filter((call) => call.status === 'executed').map((call) => ({ tool: call.tool, args: call.args }));
}

/**
 * Runs a user task's ground truth under a profile and grades it: utility, and every denial checked against the
 * task's expected denials (a "should-fail" task lists them; any other denial is a false positive).
 */
export async function runBenign(
  suite: AnySuite,
  task: AnyUserTask,
  profile: RunProfile,
  { driver = createCoreDriver(), disabled }: { driver?: AgentDriver; disabled?: ReadonlySet<string> } = {},
): Promise<BenignResult> {
  const pre = suite.createEnvironment();
  const env = suite.createEnvironment();
  const protection = profile === 'none' ? null : buildProtection(suite, task, profile, { env: pre, ...(disabled === undefined ? {} : { disabled }) });
  const run = await driver.run({ prompt: task.prompt, tools: bindTools(suite.tools, env), protection, model: createBenignModel(task), maxSteps: 200 });
  const denials = run.calls.filter((call) => call.status === 'denied').map((call) => ({ tool: call.tool, ruleIds: [...call.ruleIds].sort() }));
  const expected = profile === 'none' ? [] : task.expectDenied?.[profile] ?? [];
  const unmatched = [...expected];
  const falsePositives: Denial[] = [];
  for (const denial of denials) {
    const at = unmatched.findIndex((entry) => entry.tool === denial.tool && sameRules(entry.ruleIds, denial.ruleIds));
    if (at === -1) falsePositives.push(denial);
    else unmatched.splice(at, 1);
  }
  const utility = task.utility({ pre, post: env, calls: executedCalls(run.calls), finalText: run.finalText });
  return { suite: suite.name, task: task.id, profile, utility, denials, falsePositives, missingDenials: unmatched };
}
