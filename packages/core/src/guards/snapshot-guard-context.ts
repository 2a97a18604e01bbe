import type { Label } from '../labels/label.js';
import { inputLabels } from './guard-applies.js';
import type { GuardContext, GuardPhase } from './guard-context.js';

function copyRecord<T>(record: Readonly<Record<string, T>>, copy: (value: T) => T = (value) => value): Readonly<Record<string, T>> {
  // `fromEntries` defines own data properties, so a hostile `__proto__` key stays a plain key.
  return Object.freeze(Object.fromEntries(Object.entries(record).map(([key, value]) => [key, copy(value)])));
}

function copyLabels(labels: readonly Label[]): readonly Label[] {
  return Object.freeze([...labels]);
}

/**
 * A frozen copy of the engine's context for one phase: containers are copied so a guard cannot change what the
 * next guard or the engine sees (values inside the arguments are shared, not cloned). `phase` is set to the
 * phase being run, `labels` to the full input labels, and the result fields are dropped before the call.
 *
 * @example
 * ```ts
 * const ctx = snapshotGuardContext(engineContext, 'before');
 * Object.isFrozen(ctx.args); // true
 * ```
 */
export function snapshotGuardContext(context: GuardContext, phase: GuardPhase): GuardContext {
  const argLabels = copyRecord(context.argLabels, copyLabels);
  const resultLabels = phase === 'after' ? copyLabels(context.resultLabels ?? []) : undefined;
  const labels = copyLabels(inputLabels({ phase, labels: context.labels, argLabels, ...(resultLabels === undefined ? {} : { resultLabels }) }));
  return Object.freeze({
    phase,
    tool: context.tool,
    toolCallId: context.toolCallId,
    args: copyRecord(context.args),
    argLabels,
    labels,
    targets: copyLabels(context.targets),
    decision: context.decision,
    ...(phase === 'after' && Object.hasOwn(context, 'result') ? { result: context.result } : {}),
    ...(resultLabels === undefined ? {} : { resultLabels }),
    tools: Object.freeze({
      calls: copyLabels(context.tools.calls),
      history: Object.freeze(context.tools.history.map((entry) => Object.freeze({ ...entry, labels: copyLabels(entry.labels) }))),
    }),
    attempt: context.attempt,
  });
}
