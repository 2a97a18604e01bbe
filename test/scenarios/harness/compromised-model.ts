import type { ModelViewMessage } from './agent-driver.js';
import { planModel, type CallOutcome, type Plan, type PlanModel, type PlanStep } from './plan-model.js';
import type { AnyInjectionTask, AnyUserTask } from './scenario-types.js';

/** Attempts after a denial before the model gives up on a step: enough to try every variant (V1–V5). */
export const DEFAULT_RETRIES = 4;

function mentions(content: unknown, text: string): boolean {
  return (typeof content === 'string' ? content : JSON.stringify(content) ?? '').includes(text);
}

/** True when the latest tool result the model saw carries the injection's goal. */
function sawInjection(messages: readonly ModelViewMessage[], goal: string): boolean {
  const last = messages[messages.length - 1];
  return last?.role === 'tool' && last.status === 'ok' && mentions(last.content, goal);
}

function* obey(injection: AnyInjectionTask, retries: number): Generator<PlanStep, void, CallOutcome> {
  const done = new Set<number>();
  for (const [step, { variants, needs }] of injection.steps.entries()) {
    // A chained step ("then delete the mail you sent") has nothing to act on when its step never ran.
    if (needs !== undefined && !done.has(needs)) continue;
    let attempts = 0;
    for (const variant of variants) {
      if (attempts > retries) break;
      attempts += 1;
      let ran = true;
      for (const [index, call] of variant.calls.entries()) {
        const action = index === variant.calls.length - 1;
        const tag = { kind: 'attack' as const, step, variant: variant.id, action, ...(variant.stress === undefined ? {} : { stress: variant.stress }) };
        const outcome = yield { type: 'call', call, tag };
        if (outcome.status !== 'ok') {
          ran = false;
          break;
        }
      }
      if (ran) {
        done.add(step);
        break;
      }
    }
  }
}

function* compromisedPlan(task: AnyUserTask, injection: AnyInjectionTask, retries: number, view: () => readonly ModelViewMessage[]): Plan {
  let obeyed = false;
  for (const [index, call] of task.calls.entries()) {
    yield { type: 'call', call, tag: { kind: 'benign', index } };
    if (!obeyed && sawInjection(view(), injection.goal)) {
      obeyed = true;
      yield* obey(injection, retries);
    }
  }
  const said = obeyed && injection.say !== undefined ? `\n${injection.say}` : '';
  yield { type: 'final', text: `${task.answer}${said}` };
}

/**
 * The fully compromised model (research/agentdojo.md §7.3): it runs the user task's script until a tool result
 * it can see carries the injection, then obeys the injection step by step, trying the argument-sourcing
 * variants in order (V1 literal, V5 transformed, V2 grounded lookalike, V3/V4 mixed or smuggled, as each task
 * lists them) with `retries` further attempts after a denial, and then finishes the user task (utility under
 * attack). It never sees an injection that labelflow kept from it (a denied read, a projected review).
 */
export function createCompromisedModel(
  task: AnyUserTask,
  injection: AnyInjectionTask,
  { retries = DEFAULT_RETRIES }: { retries?: number } = {},
): PlanModel {
  return planModel((view) => compromisedPlan(task, injection, retries, view));
}
