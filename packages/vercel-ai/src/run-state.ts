import type { Session } from '@labelflow/core';
import type { ConversationCursor } from './conversation-parts.js';

/**
 * What the adapter keeps about one session's run: how far its conversation was indexed and which tool results
 * the session recorded itself. Label state lives in the session; this is only bookkeeping.
 */
export interface RunState {
  readonly session: Session;
  /** Tool call ids whose results the session recorded through `runToolCall`: never read again from a prompt. */
  readonly recorded: Set<string>;
  /** Tool call ids whose "result" is a labelflow denial: not data, never indexed. */
  readonly synthetic: Set<string>;
  /** Tool call ids the model made in its latest response (released at its next model call). */
  emitted: string[];
  /** How far the model middleware indexed the prompt. */
  promptCursor: ConversationCursor | undefined;
  /** How far the tools indexed `options.messages`: only for runs no model call of labelflow's has reached. */
  messagesCursor: ConversationCursor | undefined;
  modelCalls: number;
}

/** A fresh run state for a session. */
export function createRunState(session: Session): RunState {
  return { session, recorded: new Set(), synthetic: new Set(), emitted: [], promptCursor: undefined, messagesCursor: undefined, modelCalls: 0 };
}

/** True when a tool result must not be read from a prompt (see `RunState.recorded` and `RunState.synthetic`). */
export function skipsResult(run: RunState, toolCallId: string): boolean {
  return run.recorded.has(toolCallId) || run.synthetic.has(toolCallId);
}
