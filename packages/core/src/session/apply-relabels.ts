import type { GuardRelabel } from '../guards/index.js';
import { addLabels, removeLabels } from '../labels/modify-labels.js';
import type { Descriptor } from '../labels/descriptor.js';
import type { GroundedArgument } from './ground-arguments.js';
import { emit } from './emit.js';
import type { SessionState } from './session-state.js';

/** One relabel a guard asked for. */
export type Relabel = GuardRelabel;

/**
 * Applies guards' relabels to a descriptor and emits `label`, `bless` and `conflict` events. A change the label
 * rules refuse leaves the descriptor as it was (the guard runner has already turned such a guard into a denial).
 */
export function relabelDescriptor(state: SessionState, target: string, descriptor: Descriptor, relabel: Relabel): Descriptor {
  let current = descriptor;
  if (relabel.remove.length > 0) {
    const change = removeLabels(current, relabel.remove, { privileged: relabel.privileged });
    if (change.type === 'changed') {
      current = change.descriptor;
      emit(state, () => ({ type: 'bless', target, add: relabel.add, remove: relabel.remove, by: `guard:${relabel.guard}` }));
    }
  }
  if (relabel.add.length > 0) {
    const change = addLabels(current, relabel.add, { trustConflict: state.policy.trustConflict });
    if (change.type === 'changed') {
      current = change.descriptor;
      const { conflict } = change;
      if (conflict !== undefined) emit(state, () => ({ type: 'conflict', target, labels: conflict.labels, resolved: 'untrusted', by: `guard:${relabel.guard}` }));
      if (relabel.remove.length === 0) emit(state, () => ({ type: 'label', target, labels: relabel.add, by: `guard:${relabel.guard}` }));
    }
  }
  return current;
}

/** Applies every relabel to the arguments it names (all arguments when it names none). */
export function applyRelabels(
  state: SessionState,
  toolCallId: string,
  grounded: Readonly<Record<string, GroundedArgument>>,
  relabels: readonly Relabel[],
): Record<string, GroundedArgument> {
  const next: Record<string, GroundedArgument> = Object.create(null) as Record<string, GroundedArgument>;
  for (const name of Object.keys(grounded)) next[name] = grounded[name] as GroundedArgument;
  for (const relabel of relabels) {
    for (const name of relabel.args ?? Object.keys(next)) {
      const arg = Object.hasOwn(next, name) ? next[name] : undefined;
      if (arg === undefined) continue;
      const descriptor = relabelDescriptor(state, `${toolCallId}:${name}`, arg.descriptor, relabel);
      next[name] = { ...arg, descriptor, labels: descriptor.labels, taint: descriptor.taint, sources: descriptor.sources };
    }
  }
  return next;
}
