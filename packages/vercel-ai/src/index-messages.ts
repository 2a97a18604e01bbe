import { conversationParts, type ConversationMessage } from './conversation-parts.js';
import { skipsResult, type RunState } from './run-state.js';

function isMessage(value: unknown): value is ConversationMessage {
  return value !== null && typeof value === 'object' && typeof (value as { role?: unknown }).role === 'string';
}

/**
 * Indexes the conversation a tool hook sees (`options.messages`, no system prompt) for a run no model call of
 * labelflow's has reached: tools used without `lf.model`, or an approval answered in a new `generateText`
 * call, whose approved tools run before its first model call. Otherwise the middleware has indexed it already.
 */
export function indexMessages(run: RunState, messages: readonly unknown[]): void {
  if (run.modelCalls > 0) return;
  const { parts, cursor } = conversationParts(messages.filter(isMessage), { cursor: run.messagesCursor, skip: (id) => skipsResult(run, id) });
  run.messagesCursor = cursor;
  if (parts.length > 0) run.session.recordModelCall({ parts });
}
