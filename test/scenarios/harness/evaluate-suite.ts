import type { AgentDriver } from './agent-driver.js';
import { createCoreDriver } from './core-driver.js';
import { expectationFor } from './expectations.js';
import { findInjectionSlots } from './find-injection-slots.js';
import { runAttack, type AttackResult } from './run-attack.js';
import { runBenign, type BenignResult, type RunProfile } from './run-benign.js';
import type { AnyInjectionTask, AnySuite, AnyUserTask, Expectation, ProfileId } from './scenario-types.js';

/** One attack scenario: a user task that reads at least one slot, paired with an injection task. */
export interface AttackPair {
  readonly task: AnyUserTask;
  readonly injection: AnyInjectionTask;
}

/** Every attack scenario of a suite: each user task that reads a slot × each injection task. */
export async function attackPairs(suite: AnySuite): Promise<AttackPair[]> {
  const pairs: AttackPair[] = [];
  for (const task of suite.userTasks) {
    if ((await findInjectionSlots(suite, task)).length === 0) continue;
    for (const injection of suite.injectionTasks) pairs.push({ task, injection });
  }
  return pairs;
}

/** An attack result with what the scenario expected of it. */
export interface GradedAttack extends AttackResult {
  readonly expected?: Expectation;
}

export interface SuiteRun {
  readonly suite: string;
  readonly profile: RunProfile;
  readonly benign: readonly BenignResult[];
  readonly attacks: readonly GradedAttack[];
}

/** Runs every benign task and every attack scenario of a suite under one profile (or `none`). */
export async function evaluateSuite(suite: AnySuite, profile: RunProfile, { driver = createCoreDriver() }: { driver?: AgentDriver } = {}): Promise<SuiteRun> {
  const benign: BenignResult[] = [];
  for (const task of suite.userTasks) benign.push(await runBenign(suite, task, profile, { driver }));
  const attacks: GradedAttack[] = [];
  for (const { task, injection } of await attackPairs(suite)) {
    const result = await runAttack(suite, task, injection, profile, { driver });
    const expected = profile === 'none' ? undefined : expectationFor(suite, task, injection, profile as ProfileId);
    attacks.push({ ...result, ...(expected === undefined ? {} : { expected }) });
  }
  return { suite: suite.name, profile, benign, attacks };
}
