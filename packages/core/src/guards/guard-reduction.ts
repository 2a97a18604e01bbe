import type { Label } from '../labels/label.js';

/** Why guards denied a call. */
export type GuardDenialCode =
  /** a guard returned `deny` */
  | 'guard-denied'
  /** a guard threw, returned something that is not an outcome, or returned one that does not fit the phase */
  | 'guard-error'
  /** a guard tried to remove a label it may not remove (`PROTECTED_LABEL_REMOVAL`, `LABEL_PRIVILEGE_REQUIRED`) */
  | 'protected-label'
  /** a guard added `trusted` to an `untrusted` value under `defaults.trustconflict: 'error'` */
  | 'trust-conflict';

/** One accepted relabel, in the order the guards returned them. */
export interface GuardRelabel {
  readonly guard: string;
  readonly privileged: boolean;
  readonly add: readonly Label[];
  readonly remove: readonly Label[];
  /** Before-guards: the arguments to relabel (absent: every argument). After-guards: always absent (the result). */
  readonly args?: readonly string[];
  /**
   * Where adding `trusted` met an `untrusted` value and `untrusted` won (`untrusted-wins` / `warn`): argument
   * names, or `result`. Apply `add` with `addLabels` under the same mode and audit each conflict.
   */
  readonly conflicts?: readonly string[];
}

/** The guards asked for approval. */
export interface GuardApproval {
  readonly guards: readonly string[];
  readonly reasons: readonly string[];
}

/** Deny: one guard blocked the call (deny beats every other outcome). */
export interface GuardDenyReduction {
  readonly type: 'deny';
  readonly guard: string;
  readonly reason: string;
  readonly code: GuardDenialCode;
}

/** Retry: no guard denied, at least one asked the model to try again; every hint, in guard order. */
export interface GuardRetryReduction {
  readonly type: 'retry';
  readonly hints: readonly string[];
  readonly guards: readonly string[];
}

/** Continue: the call may go on, with whatever the guards changed. */
export interface GuardContinueReduction {
  readonly type: 'continue';
  /** Before-guards: replacement arguments (the last transform wins). Present only when a guard transformed them. */
  readonly args?: Readonly<Record<string, unknown>>;
  /** After-guards: the replacement result (transforms chain). Present only when a guard transformed it: test with `'result' in`. */
  readonly result?: unknown;
  readonly approval?: GuardApproval;
  readonly relabels: readonly GuardRelabel[];
  /** The first privileged guard that returned `allow`: the engine may lift an overridable policy denial. */
  readonly liftedBy?: string;
  /** The guards that ran, in order. */
  readonly ran: readonly string[];
}

/** What `runGuards` reduces a phase's guard outcomes to. */
export type GuardReduction = GuardDenyReduction | GuardRetryReduction | GuardContinueReduction;

/**
 * Builds guard reductions (frozen).
 *
 * @example
 * ```ts
 * reduction.deny({ guard: 'verify-first', reason: 'run `verify` first', code: 'guard-denied' });
 * ```
 */
export const reduction = Object.freeze({
  deny(fields: Omit<GuardDenyReduction, 'type'>): GuardDenyReduction {
    return Object.freeze({ type: 'deny', guard: fields.guard, reason: fields.reason, code: fields.code });
  },
  retry(fields: Omit<GuardRetryReduction, 'type'>): GuardRetryReduction {
    return Object.freeze({ type: 'retry', hints: Object.freeze([...fields.hints]), guards: Object.freeze([...fields.guards]) });
  },
  continue(fields: Omit<GuardContinueReduction, 'type'>): GuardContinueReduction {
    return Object.freeze({ type: 'continue', ...fields, relabels: Object.freeze([...fields.relabels]), ran: Object.freeze([...fields.ran]) });
  },
});
