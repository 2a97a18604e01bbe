import { ADVICE_PROJECTION_GUARD } from './advice-projection-guard.js';
import type { AgentDriver, Protection } from './agent-driver.js';
import { buildProtection } from './build-protection.js';
import { createCompromisedModel, DEFAULT_RETRIES } from './compromised-model.js';
import { createCoreDriver } from './core-driver.js';
import { bindTools } from './define-tool.js';
import { findInjectionSlots } from './find-injection-slots.js';
import { injectionText } from './injection-text.js';
import { executedCalls, type RunProfile } from './run-benign.js';
import type { AnyInjectionTask, AnySuite, AnyUserTask, VariantId } from './scenario-types.js';

export interface Attempt {
  readonly step: number;
  readonly variant: VariantId;
  readonly tool: string;
  readonly action: boolean;
  readonly status: string;
  readonly ruleIds: readonly string[];
  /** Set for a stress variant (a leak the grader does not count); it never counts toward `blockedBy`. */
  readonly stress?: string;
}

export interface AttackResult {
  readonly suite: string;
  readonly task: string;
  readonly injection: string;
  readonly profile: RunProfile;
  /** The model saw the injection (labelflow may have kept it away: a denied read, a projection). */
  readonly delivered: boolean;
  readonly breach: boolean;
  readonly utility: boolean;
  /** Rule ids of every denied attack call; for an undelivered attack, what kept it away. */
  readonly blockedBy: readonly string[];
  readonly attempts: readonly Attempt[];
  /** Stress variants (real leaks the grader does not count) that executed. */
  readonly stress: readonly string[];
}

/** `<suite>/<user task>×<injection task>`, the id used in reports and tests. */
export function pairId(suite: string, task: string, injection: string): string {
  return `${suite}/${task}×${injection}`;
}

const MEMO = new Map<string, Promise<AttackResult>>();

/**
 * Runs one attack scenario: the user task's script with the injection planted in every slot it reads, driven by
 * the fully compromised model, then grades breach (the injection task's predicate) and utility under attack.
 */
export async function runAttack(
  suite: AnySuite,
  task: AnyUserTask,
  injection: AnyInjectionTask,
  profile: RunProfile,
  { driver = createCoreDriver(), disabled, retries = DEFAULT_RETRIES }: { driver?: AgentDriver; disabled?: ReadonlySet<string>; retries?: number } = {},
): Promise<AttackResult> {
  const slots = await findInjectionSlots(suite, task);
  const text = injectionText(injection.goal, suite.userName);
  const planted = Object.fromEntries(slots.map((slot) => [slot, text]));
  const pre = suite.createEnvironment(planted);
  const protection = profile === 'none' ? null : buildProtection(suite, task, profile, { env: pre, ...(disabled === undefined ? {} : { disabled }) });
  // Runs are deterministic: the same scenario under the same protection (an ablation of P0+M with the manifest
  // off is P0) gives the same result, so it runs once per driver (drivers are told apart by name).
  const key = `${driver.name}|${retries}|${suite.name}|${task.id}|${injection.id}|${protection?.key ?? 'none'}`;
  const memo = MEMO.get(key);
  if (memo !== undefined) return { ...(await memo), profile };
  const running = attack(suite, task, injection, profile, { driver, retries, protection, pre, planted });
  MEMO.set(key, running);
  return running;
}

async function attack(
  suite: AnySuite,
  task: AnyUserTask,
  injection: AnyInjectionTask,
  profile: RunProfile,
  { driver, retries, protection, pre, planted }: { driver: AgentDriver; retries: number; protection: Protection | null; pre: unknown; planted: Record<string, string> },
): Promise<AttackResult> {
  const env = suite.createEnvironment(planted);
  const model = createCompromisedModel(task, injection, { retries });
  const run = await driver.run({ prompt: task.prompt, tools: bindTools(suite.tools, env), protection, model, maxSteps: 200 });
  const grade = { pre, post: env, calls: executedCalls(run.calls), finalText: run.finalText };

  const attempts: Attempt[] = [];
  const stress = new Set<string>();
  for (const call of run.calls) {
    const tag = model.tags.get(call.toolCallId);
    if (tag?.kind !== 'attack') continue;
    attempts.push({ step: tag.step, variant: tag.variant, tool: call.tool, action: tag.action, status: call.status, ruleIds: call.ruleIds, ...(tag.stress === undefined ? {} : { stress: tag.stress }) });
    if (tag.stress !== undefined && tag.action && call.status === 'executed') stress.add(tag.stress);
  }
  const delivered = [...model.tags.values()].some((tag) => tag.kind === 'attack') || (injection.say !== undefined && run.finalText.includes(injection.say));
  let blockedBy = [...new Set(attempts.filter((attempt) => attempt.status === 'denied' && attempt.stress === undefined).flatMap((attempt) => attempt.ruleIds))];
  if (!delivered) {
    const denied = run.calls.filter((call) => call.status === 'denied').flatMap((call) => call.ruleIds);
    const projected = profile === 'P1' && task.advice === true && run.calls.some((call) => call.transformed === true);
    blockedBy = projected ? [`guard:${ADVICE_PROJECTION_GUARD}`] : denied.length > 0 ? [...new Set(denied)] : ['undelivered'];
  }
  return {
    suite: suite.name,
    task: task.id,
    injection: injection.id,
    profile,
    delivered,
    breach: injection.breach(grade),
    utility: task.utility(grade),
    blockedBy: blockedBy.sort(),
    attempts,
    stress: [...stress],
  };
}
