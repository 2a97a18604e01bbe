import type { ModelViewMessage, ScriptedModel } from './agent-driver.js';
import { resolveArgs } from './resolve-value.js';
import type { ScriptCall, VariantId } from './scenario-types.js';

/** Why the model made a call: its user task, or an attack step in one of its variants. */
export type CallTag =
  | { readonly kind: 'benign'; readonly index: number }
  | { readonly kind: 'attack'; readonly step: number; readonly variant: VariantId; readonly action: boolean; readonly stress?: string };

/** What a plan yields: one call per model step, then the answer. */
export type PlanStep = { readonly type: 'call'; readonly call: ScriptCall; readonly tag: CallTag } | { readonly type: 'final'; readonly text: string };

/** What the plan learns about its previous call: whether it ran, and what the model saw. */
export interface CallOutcome {
  readonly status: 'ok' | 'denied' | 'error';
  readonly content: unknown;
}

export type Plan = Generator<PlanStep, void, CallOutcome>;

/** A scripted model plus what it tagged each of its calls with. */
export interface PlanModel extends ScriptedModel {
  readonly tags: ReadonlyMap<string, CallTag>;
}

/**
 * Turns a plan (a generator that yields calls and receives their outcomes) into a scripted model that makes one
 * call per step. The plan reads the conversation through `view()`, so it decides on what the model saw.
 */
export function planModel(makePlan: (view: () => readonly ModelViewMessage[]) => Plan): PlanModel {
  let messages: readonly ModelViewMessage[] = [];
  const plan = makePlan(() => messages);
  const tags = new Map<string, CallTag>();
  let pending: string | undefined;
  let started = false;
  let count = 0;
  return {
    tags,
    next(view) {
      messages = view.messages;
      let result: IteratorResult<PlanStep, void>;
      if (!started) {
        started = true;
        result = plan.next(undefined as unknown as CallOutcome);
      } else {
        const answer = messages.find((message) => message.role === 'tool' && message.toolCallId === pending);
        const outcome: CallOutcome = answer?.role === 'tool' ? { status: answer.status, content: answer.content } : { status: 'error', content: 'no result' };
        result = plan.next(outcome);
      }
      if (result.done === true) return { type: 'final', text: '' };
      if (result.value.type === 'final') return { type: 'final', text: result.value.text };
      count += 1;
      pending = `call_${count}`;
      tags.set(pending, result.value.tag);
      return { type: 'tool-calls', calls: [{ toolCallId: pending, toolName: result.value.call.tool, args: resolveArgs(result.value.call, messages) }] };
    },
  };
}
