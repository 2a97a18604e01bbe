import type { Decision } from '../evaluate/decision.js';
import type { Label } from '../labels/label.js';

/** When a guard runs: before the tool executes (it sees the arguments) or after (it also sees the result). */
export type GuardPhase = 'before' | 'after';

/** One earlier tool call of this run, as a guard sees it. */
export interface GuardToolCall {
  readonly tool: string;
  readonly toolCallId: string;
  /** What was decided for it (a denied call is in the history too). */
  readonly decision: Decision['type'];
  readonly labels: readonly Label[];
}

/**
 * What a guard reads about the call it is deciding. The engine builds it; `runGuards` hands each guard a frozen
 * copy, so one guard cannot change what the next one (or the engine) sees.
 *
 * @example
 * ```ts
 * // "publish only after verify": read this run's earlier tool calls.
 * const publishAfterVerify = defineGuard({
 *   name: 'publish-after-verify',
 *   when: { tools: ['publish'] },
 *   before: (ctx: GuardContext) => (ctx.tools.calls.includes('verify') ? undefined : outcome.deny('run `verify` first')),
 * });
 * ```
 */
export interface GuardContext {
  readonly phase: GuardPhase;
  readonly tool: string;
  readonly toolCallId: string;
  readonly args: Readonly<Record<string, unknown>>;
  /** Each argument's labels, as the policy read them. */
  readonly argLabels: Readonly<Record<string, readonly Label[]>>;
  /** The call's input labels: the union of every argument's labels (after-guards: and the result's). */
  readonly labels: readonly Label[];
  /** The operation's targets: `op:tool:<name>`, the tool's labels and the risk categories they map onto. */
  readonly targets: readonly Label[];
  /** The policy decision before any guard ran. */
  readonly decision: Decision;
  /** After-guards only: the result, as transformed by the after-guards before this one. */
  readonly result?: unknown;
  /** After-guards only: the result's labels. */
  readonly resultLabels?: readonly Label[];
  /** This run's earlier tool calls: `calls` names the tools called, in order; `history` holds every decided call. */
  readonly tools: {
    readonly calls: readonly string[];
    readonly history: readonly GuardToolCall[];
  };
  /** 1 for the first attempt at this call; higher after a guard asked for a retry. */
  readonly attempt: number;
}
