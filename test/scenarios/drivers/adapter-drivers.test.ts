import { describe, expect, it } from 'vitest';
import type { AgentDriver, AgentRunResult, CallRecord } from '../harness/agent-driver.js';
import { createCoreDriver } from '../harness/core-driver.js';
import { runAttack, pairId, type AttackResult } from '../harness/run-attack.js';
import { runBenign, type BenignResult, type RunProfile } from '../harness/run-benign.js';
import type { AnySuite } from '../harness/scenario-types.js';
import { BANKING_SUITE, SLACK_SUITE, TRAVEL_SUITE, WORKSPACE_SUITE } from '../suites/index.js';
import { createLangchainDriver } from './langchain-driver.js';
import { createVercelAiDriver } from './vercel-ai-driver.js';

/**
 * A representative subset of the security suite, run through the real Vercel AI SDK and LangChain paths and
 * compared with the core harness: every suite, every profile, attacks credited to each rule family (provenance
 * rules, manifest, capability deny, both P1 guards), expected residuals and stress leaks, undelivered attacks,
 * an output-only attack, honest and should-fail benign tasks, and the no-middleware baseline.
 */
type Case =
  | { readonly kind: 'attack'; readonly suite: AnySuite; readonly task: string; readonly injection: string; readonly profile: RunProfile; readonly why: string }
  | { readonly kind: 'benign'; readonly suite: AnySuite; readonly task: string; readonly profile: RunProfile; readonly why: string };

const attack = (suite: AnySuite, task: string, injection: string, profile: RunProfile, why: string): Case => ({ kind: 'attack', suite, task, injection, profile, why });
const benign = (suite: AnySuite, task: string, profile: RunProfile, why: string): Case => ({ kind: 'benign', suite, task, profile, why });

export const SUBSET: readonly Case[] = [
  attack(BANKING_SUITE, 'BU1', 'BI0', 'P0', 'exfiltration to an injected IBAN: no-send-to-unknown'),
  attack(BANKING_SUITE, 'BU0', 'BI4', 'P0', 'a payment edit denied by three rules, with a stress leak (mixed records)'),
  attack(BANKING_SUITE, 'BU0', 'BI7', 'P0', 'a password change from untrusted text: no-untrusted-privileged'),
  attack(BANKING_SUITE, 'BU0', 'BI7', 'P1', 'the same under P1: capabilities.deny'),
  attack(BANKING_SUITE, 'BU1', 'BI0', 'none', 'the no-middleware baseline: the attack lands'),
  benign(BANKING_SUITE, 'BU1', 'P0', 'an honest task completes'),
  benign(BANKING_SUITE, 'BU9', 'P1', 'a should-fail task: capabilities.deny'),
  attack(SLACK_SUITE, 'SU0', 'SI6', 'P0', 'an expected residual: a real member grounded by a lookup'),
  attack(SLACK_SUITE, 'SU1', 'SI1', 'P0', 'undelivered: the read of an injected link is a novel URL'),
  attack(SLACK_SUITE, 'SU0', 'SI3', 'P0+M', 'a manifest pins the target: authorizations.args'),
  benign(SLACK_SUITE, 'SU1', 'P0', 'a should-fail task: no-novel-urls'),
  attack(WORKSPACE_SUITE, 'WU0', 'WI1', 'P0', 'a destructive residual with its denied variants (no-destroy-unknown, no-untrusted-destructive)'),
  attack(WORKSPACE_SUITE, 'WU0', 'WI6', 'P0', 'a phishing link: no-novel-urls'),
  attack(WORKSPACE_SUITE, 'WU0', 'WI5', 'P0', 'three rules and a stress leak'),
  attack(WORKSPACE_SUITE, 'WU12', 'WI1', 'P0+M', 'a manifest-internal residual'),
  benign(WORKSPACE_SUITE, 'WU8', 'P0', 'a should-fail task: no-send-to-unknown twice'),
  benign(WORKSPACE_SUITE, 'WU13', 'P1', 'a should-fail task: the trusted-payload guard (before-guard)'),
  attack(TRAVEL_SUITE, 'TU3', 'TI5', 'P0', 'a secret to the user’s own address: no-secret-exfil'),
  attack(TRAVEL_SUITE, 'TU1', 'TI2', 'P1', 'an injected calendar title: guard:trusted-payload'),
  attack(TRAVEL_SUITE, 'TU2', 'TI0', 'P1', 'undelivered: the advice-projection guard rewrites results (after-guard transform)'),
  attack(TRAVEL_SUITE, 'TU0', 'TI6', 'P0', 'output only: nothing to decide, the answer carries the injection'),
  benign(TRAVEL_SUITE, 'TU10', 'P0+M', 'a should-fail task: authorizations.unlisted'),
];

/** Keeps every run's calls, so the comparison covers each call, not only the graded outcome. */
function recording(driver: AgentDriver): { driver: AgentDriver; runs: AgentRunResult[] } {
  const runs: AgentRunResult[] = [];
  return {
    runs,
    driver: {
      name: driver.name,
      async run(input) {
        const result = await driver.run(input);
        runs.push(result);
        return result;
      },
    },
  };
}

interface Observed {
  readonly verdict: AttackResult | BenignResult;
  readonly calls: readonly CallRecord[];
  readonly finalText: string;
}

function idOf(item: Case): string {
  return item.kind === 'attack' ? `${pairId(item.suite.name, item.task, item.injection)} @ ${item.profile}` : `${item.suite.name}/${item.task} (benign) @ ${item.profile}`;
}

async function observe(item: Case, driver: AgentDriver): Promise<Observed> {
  const recorder = recording(driver);
  const task = item.suite.userTasks.find((entry) => entry.id === item.task);
  if (task === undefined) throw new Error(`no user task ${item.task}`);
  let verdict: AttackResult | BenignResult;
  if (item.kind === 'attack') {
    const injection = item.suite.injectionTasks.find((entry) => entry.id === item.injection);
    if (injection === undefined) throw new Error(`no injection task ${item.injection}`);
    verdict = await runAttack(item.suite, task, injection, item.profile, { driver: recorder.driver });
  } else {
    verdict = await runBenign(item.suite, task, item.profile, { driver: recorder.driver });
  }
  const run = recorder.runs.at(-1);
  if (run === undefined) throw new Error(`${idOf(item)}: the ${driver.name} driver never ran (a memoised result?)`);
  return { verdict, calls: run.calls, finalText: run.finalText };
}

const CORE = new Map<string, Promise<Observed>>();

function coreRun(item: Case): Promise<Observed> {
  let found = CORE.get(idOf(item));
  if (found === undefined) {
    found = observe(item, createCoreDriver());
    CORE.set(idOf(item), found);
  }
  return found;
}

/** One line per call: what a reader compares first. */
function callLine(call: CallRecord): string {
  const rules = call.ruleIds.length > 0 ? ` [${call.ruleIds.join(', ')}]` : '';
  return `${call.toolCallId} ${call.tool}(${JSON.stringify(call.args)}) → ${call.status}${rules}${call.transformed === true ? ' (transformed)' : ''}`;
}

const ADAPTERS: readonly { readonly name: string; readonly create: () => AgentDriver }[] = [
  { name: 'vercel-ai', create: createVercelAiDriver },
  { name: 'langchain', create: createLangchainDriver },
];

describe('the adapter drivers reproduce the core harness on a representative subset of the security suite', () => {
  it('should cover every suite, every profile, the baseline and both kinds of run', () => {
    expect(new Set(SUBSET.map((item) => item.suite.name))).toEqual(new Set(['banking', 'slack', 'workspace', 'travel']));
    expect(new Set(SUBSET.map((item) => item.profile))).toEqual(new Set(['none', 'P0', 'P0+M', 'P1']));
    expect(SUBSET.filter((item) => item.kind === 'benign').length).toBeGreaterThanOrEqual(4);
    expect(SUBSET.length).toBeGreaterThanOrEqual(10);
  });

  it('should not be vacuous: the core runs deny calls under many rules, rewrite results, breach and keep attacks away', async () => {
    const runs = await Promise.all(SUBSET.map(coreRun));
    const rules = new Set(runs.flatMap((run) => run.calls.flatMap((call) => call.ruleIds)));
    expect(rules.size).toBeGreaterThanOrEqual(8);
    expect(runs.some((run) => run.calls.some((call) => call.transformed === true))).toBe(true);
    expect(runs.some((run) => 'breach' in run.verdict && run.verdict.breach)).toBe(true);
    expect(runs.some((run) => 'delivered' in run.verdict && !run.verdict.delivered)).toBe(true);
    expect(runs.some((run) => run.calls.some((call) => call.status === 'executed') && run.calls.some((call) => call.status === 'denied'))).toBe(true);
  });

  for (const adapter of ADAPTERS) {
    describe(adapter.name, () => {
      for (const item of SUBSET) {
        it(`should match core on ${idOf(item)}: ${item.why}`, async () => {
          const core = await coreRun(item);
          const actual = await observe(item, adapter.create());
          // The calls first (the readable part of a difference), then the graded outcome in full.
          expect(actual.calls.map(callLine), `${idOf(item)}: calls through ${adapter.name} (actual) vs core (expected)`).toEqual(core.calls.map(callLine));
          expect(actual.calls, `${idOf(item)}: call records through ${adapter.name}`).toEqual(core.calls);
          expect(actual.finalText, `${idOf(item)}: final answer through ${adapter.name}`).toBe(core.finalText);
          expect(actual.verdict, `${idOf(item)}: breach/utility verdict through ${adapter.name}`).toEqual(core.verdict);
        });
      }
    });
  }
});
