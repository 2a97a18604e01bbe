import { makeDescriptor } from '../labels/descriptor.js';
import type { Label } from '../labels/label.js';
import { addLabels, removeLabels, type TrustConflictMode } from '../labels/modify-labels.js';
import type { GuardPhase } from './guard-context.js';
import type { RelabelOutcome } from './guard-outcome.js';
import type { GuardDenialCode, GuardRelabel } from './guard-reduction.js';

/** The key the result's labels are kept under in a `LabelState` (after-guards). */
export const RESULT_TARGET = 'result';

/** The labels of every relabel target as earlier relabels in this phase left them: argument names, or `result`. */
export type LabelState = ReadonlyMap<string, readonly Label[]>;

/** A relabel that was accepted (with the targets' new labels) or refused (with why). */
export type RelabelCheck =
  | { readonly type: 'applied'; readonly entry: GuardRelabel; readonly state: LabelState }
  | { readonly type: 'refused'; readonly code: GuardDenialCode; readonly reason: string };

function refused(code: GuardDenialCode, reason: string): RelabelCheck {
  return Object.freeze({ type: 'refused', code, reason });
}

/** The targets a relabel names, or why it cannot be applied. */
function targetsOf(relabel: RelabelOutcome, phase: GuardPhase, state: LabelState, guard: string): readonly string[] | string {
  if (phase === 'after') {
    if (relabel.args !== undefined) return `guard \`${guard}\` relabels arguments after the call; an after-guard relabels the result, so leave \`args\` out`;
    return [RESULT_TARGET];
  }
  if (relabel.args === undefined) return [...state.keys()];
  const unknown = relabel.args.filter((name) => !state.has(name));
  // Fail closed: a misspelt argument name would leave the intended argument unlabelled.
  if (unknown.length > 0) return `guard \`${guard}\` relabels unknown argument${unknown.length === 1 ? '' : 's'} ${unknown.map((name) => `\`${name}\``).join(', ')}`;
  return relabel.args;
}

/**
 * Checks one guard's relabel against the rules of `removeLabels` and `addLabels`, target by target, and
 * returns the targets' new labels. Removals are applied first, so a privileged guard can bless a value with
 * `{ remove: ['untrusted'], add: ['trusted'] }`. Without privilege any removal is refused
 * (`PROTECTED_LABEL_REMOVAL` for `secret` / `untrusted`, `LABEL_PRIVILEGE_REQUIRED` for the rest), and `src:*`
 * never comes off. Adding `trusted` to an `untrusted` target follows `trustConflict`.
 *
 * @example
 * ```ts
 * const state = new Map([['to', ['untrusted']]]);
 * applyRelabel({ relabel: outcome.relabel({ remove: ['untrusted'] }), guard: 'g', privileged: false, phase: 'before', state, trustConflict: 'error' });
 * // { type: 'refused', code: 'protected-label', reason: 'guard `g`: cannot remove protected label `untrusted` …' }
 * ```
 */
export function applyRelabel({
  relabel,
  guard,
  privileged,
  phase,
  state,
  trustConflict,
}: {
  relabel: RelabelOutcome;
  guard: string;
  privileged: boolean;
  phase: GuardPhase;
  state: LabelState;
  trustConflict: TrustConflictMode;
}): RelabelCheck {
  const targets = targetsOf(relabel, phase, state, guard);
  if (typeof targets === 'string') return refused('guard-error', targets);
  const next = new Map(state);
  const conflicts: string[] = [];
  for (const target of targets) {
    let descriptor = makeDescriptor({ labels: state.get(target) ?? [] });
    if (relabel.remove.length > 0) {
      const removed = removeLabels(descriptor, relabel.remove, { privileged });
      // Fail closed: a removal the guard may not make blocks the call rather than being skipped.
      if (removed.type === 'refused') return refused('protected-label', `guard \`${guard}\`: ${removed.error.message}`);
      descriptor = removed.descriptor;
    }
    if (relabel.add.length > 0) {
      const added = addLabels(descriptor, relabel.add, { trustConflict });
      // Fail closed: under `trustconflict: 'error'` blessing an untrusted value without privilege blocks the call.
      if (added.type === 'refused') return refused('trust-conflict', `guard \`${guard}\` on ${target === RESULT_TARGET && phase === 'after' ? 'the result' : `argument \`${target}\``}: ${added.error.message}`);
      if (added.conflict !== undefined) conflicts.push(target);
      descriptor = added.descriptor;
    }
    next.set(target, descriptor.labels);
  }
  const entry: GuardRelabel = Object.freeze({
    guard,
    privileged,
    add: relabel.add,
    remove: relabel.remove,
    ...(relabel.args === undefined ? {} : { args: relabel.args }),
    ...(conflicts.length === 0 ? {} : { conflicts: Object.freeze(conflicts) }),
  });
  return Object.freeze({ type: 'applied', entry, state: next });
}
