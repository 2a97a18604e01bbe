import type { ToolExecutor } from '@labelflow/core';
import type { Ticket } from './decide-tool-call.js';
import type { RunState } from './run-state.js';

/** An allowed call `toolApproval` decided, waiting for the SDK to execute it. */
export interface HeldCall {
  readonly run: RunState;
  readonly ticket: Ticket;
  /** A ready-made tool's executor, bound to the prepared call the engine decided: it runs instead of the SDK tool's own. */
  readonly execute?: ToolExecutor;
}

/**
 * Hands decided calls from `toolApproval` to `execute`. The SDK passes both the same `messages` array (one per
 * step of one run) and the tool call id, so the pair finds the call even when two runs use the same ids.
 */
export interface TicketBridge {
  /** Holds a call; false when the step already holds one with this id (the call is then refused). */
  put(messages: unknown, toolCallId: string, held: HeldCall): boolean;
  /** Takes the held call, once. */
  take(messages: unknown, toolCallId: string): HeldCall | undefined;
}

/** Creates an empty bridge. Entries die with their step's `messages` array. */
export function createTicketBridge(): TicketBridge {
  const bySteps = new WeakMap<object, Map<string, HeldCall>>();
  return {
    put(messages, toolCallId, held) {
      if (messages === null || typeof messages !== 'object') return false;
      let calls = bySteps.get(messages);
      if (calls === undefined) {
        calls = new Map();
        bySteps.set(messages, calls);
      }
      if (calls.has(toolCallId)) return false;
      calls.set(toolCallId, held);
      return true;
    },
    take(messages, toolCallId) {
      if (messages === null || typeof messages !== 'object') return undefined;
      const calls = bySteps.get(messages);
      const held = calls?.get(toolCallId);
      calls?.delete(toolCallId);
      return held;
    },
  };
}
