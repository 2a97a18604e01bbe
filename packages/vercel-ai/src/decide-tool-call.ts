import { AsyncLocalStorage } from 'node:async_hooks';
import type { Decision, Session, ToolCallInput, ToolCallOutcome } from '@labelflow/core';
import { internalDenial } from './internal-denial.js';

/** What the tool did, handed back to the engine. */
export type ToolRun = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * An allowed call waiting for the SDK to execute it. The engine has decided (once) and holds the call open in
 * `session.runToolCall`; settling the ticket lets it label, record and audit the result.
 */
export interface Ticket {
  /** The input the decision was made on: the SDK hands the same object to `execute`. */
  readonly input: unknown;
  /** The arguments to execute with: guard transforms applied, secret handles resolved on a sealed path. */
  readonly args: Readonly<Record<string, unknown>>;
  /** The tool's sealed credentials (its `auth`), never seen by the model. */
  readonly credentials: Readonly<Record<string, string>>;
  /** Runs `fn` in the async context the engine made for this call, so `getSession()` works inside the tool. */
  readonly enter: <R>(fn: () => R) => R;
  /** Hands the tool's result (or error) to the engine and resolves with the engine's outcome. */
  settle(run: ToolRun): Promise<ToolCallOutcome>;
}

/** The engine's answer before anything executes. */
export type Decided =
  | { readonly type: 'allowed'; readonly ticket: Ticket }
  | { readonly type: 'denied'; readonly decision: Decision }
  | { readonly type: 'approval-required'; readonly decision: Decision; readonly approvalId: string };

type First = { readonly kind: 'outcome'; readonly outcome: ToolCallOutcome } | { readonly kind: 'ticket'; readonly ticket: Ticket };

/**
 * Decides a tool call through `session.runToolCall` without executing it yet: the engine's executor is a
 * rendezvous that the SDK's later `execute` completes. So the decision happens once, before the SDK executes
 * anything (in `toolApproval`), and execution still goes through the engine (sealed credentials, after-guards,
 * result labelling, events).
 *
 * @example
 * ```ts
 * const decided = await decideToolCall(session, call, toolCall.input);
 * if (decided.type === 'allowed') {
 *   const value = await decided.ticket.enter(() => execute(decided.ticket.args));
 *   const outcome = await decided.ticket.settle({ ok: true, value });
 * }
 * ```
 */
export async function decideToolCall(session: Session, call: ToolCallInput, input: unknown): Promise<Decided> {
  let finish: (run: ToolRun) => void = () => undefined;
  const executed = new Promise<unknown>((resolve, reject) => {
    finish = (run) => (run.ok ? resolve(run.value) : reject(run.error));
  });
  let allow: (ticket: Ticket) => void = () => undefined;
  const allowed = new Promise<Ticket>((resolve) => {
    allow = resolve;
  });
  const outcome: Promise<ToolCallOutcome> = session.runToolCall(call, (args, { credentials }) => {
    allow({
      input,
      args,
      credentials,
      enter: AsyncLocalStorage.snapshot(),
      settle: (run) => {
        finish(run);
        return outcome;
      },
    });
    return executed;
  });

  let first: First;
  try {
    first = await Promise.race([
      outcome.then((value): First => ({ kind: 'outcome', outcome: value })),
      allowed.then((ticket): First => ({ kind: 'ticket', ticket })),
    ]);
  } catch (error) {
    // Fail closed: the engine could not decide, so nothing runs.
    const reason = `labelflow could not decide this call: ${error instanceof Error ? error.message : String(error)}`;
    return { type: 'denied', decision: internalDenial(call.toolName, reason, 'report this as a labelflow bug') };
  }
  if (first.kind === 'ticket') return { type: 'allowed', ticket: first.ticket };
  const result = first.outcome;
  if (result.type === 'denied') return { type: 'denied', decision: result.decision };
  if (result.type === 'approval-required') return { type: 'approval-required', decision: result.decision, approvalId: result.approvalId };
  // Fail closed: an outcome without the executor having been asked cannot be trusted.
  return { type: 'denied', decision: internalDenial(call.toolName, 'labelflow got an outcome for a call it never executed', 'report this as a labelflow bug') };
}
