import type { Label } from '../labels/label.js';

/** No objection. From a privileged guard it may also lift an overridable policy denial (see `runGuards`). */
export interface AllowOutcome {
  readonly type: 'allow';
}

/** Block the call; `reason` is shown to the model. */
export interface DenyOutcome {
  readonly type: 'deny';
  readonly reason: string;
}

/** Block this attempt and tell the model how to try again. */
export interface RetryOutcome {
  readonly type: 'retry';
  readonly hint: string;
}

/** Replace the call's arguments (before-guards) or its result (after-guards). */
export type TransformOutcome =
  | { readonly type: 'transform'; readonly args: Readonly<Record<string, unknown>> }
  | { readonly type: 'transform'; readonly result: unknown };

/** Let the call go ahead only if a person approves it. */
export interface RequireApprovalOutcome {
  readonly type: 'require-approval';
  readonly reason: string;
}

/**
 * Add or remove labels: on the named arguments (before-guards; every argument when `args` is absent) or on the
 * result (after-guards). Removing needs a privileged guard; provenance (`src:*`) can never be removed.
 */
export interface RelabelOutcome {
  readonly type: 'relabel';
  readonly add: readonly Label[];
  readonly remove: readonly Label[];
  readonly args?: readonly string[];
}

/** What a guard decides. A guard may also return `undefined`: no opinion. */
export type GuardOutcome = AllowOutcome | DenyOutcome | RetryOutcome | TransformOutcome | RequireApprovalOutcome | RelabelOutcome;

/** The replacement a transform carries: new arguments or a new result, never both. */
export type TransformReplacement =
  | { readonly args: Readonly<Record<string, unknown>>; readonly result?: never }
  | { readonly result: unknown; readonly args?: never };

/** The label change a relabel carries. */
export interface RelabelChange {
  readonly add?: readonly Label[];
  readonly remove?: readonly Label[];
  readonly args?: readonly string[];
}

const ALLOW: AllowOutcome = Object.freeze({ type: 'allow' });

function frozenCopy<T>(values: readonly T[]): readonly T[] {
  return Object.freeze([...values]);
}

/**
 * Builds guard outcomes. The constructors only build frozen values; `runGuards` checks every outcome it receives
 * (a guard can also return a hand-made object) and denies the call when one is malformed.
 *
 * @example
 * ```ts
 * defineGuard({
 *   name: 'no-pii-to-slack',
 *   when: { labels: ['pii'], tools: ['slack_*'] },
 *   before: (ctx) => (ctx.attempt < 2 ? outcome.retry('leave personal data out of chat messages') : outcome.deny('pii may not go to chat')),
 * });
 * ```
 */
export const outcome = Object.freeze({
  /** No objection; from a privileged guard, a request to lift an overridable policy denial for this call. */
  allow(): AllowOutcome {
    return ALLOW;
  },
  /** Block the call with a reason the model reads. */
  deny(reason: string): DenyOutcome {
    return Object.freeze({ type: 'deny', reason });
  },
  /** Block this attempt with a hint the model reads before it tries again. */
  retry(hint: string): RetryOutcome {
    return Object.freeze({ type: 'retry', hint });
  },
  /** Replace the arguments (`{ args }`, before-guards) or the result (`{ result }`, after-guards). */
  transform(replacement: TransformReplacement): TransformOutcome {
    // A spread keeps a present-but-undefined key, so `{ result: undefined }` stays a replacement.
    return Object.freeze({ type: 'transform', ...replacement } as TransformOutcome);
  },
  /** Ask a person to approve the call. */
  requireApproval(reason: string): RequireApprovalOutcome {
    return Object.freeze({ type: 'require-approval', reason });
  },
  /** Add or remove labels on the named arguments (default: all) or, after the call, on the result. */
  relabel({ add = [], remove = [], args }: RelabelChange): RelabelOutcome {
    return Object.freeze({
      type: 'relabel',
      add: frozenCopy(add),
      remove: frozenCopy(remove),
      ...(args === undefined ? {} : { args: frozenCopy(args) }),
    });
  },
});
