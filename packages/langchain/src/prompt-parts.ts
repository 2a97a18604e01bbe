import type { PromptPart } from '@labelflow/core';
import type { BaseMessage } from '@langchain/core/messages';
import { messageText } from './message-text.js';
import type { SessionAdapterState } from './session-adapter-state.js';

type Role = PromptPart['role'];

const ROLES: ReadonlyMap<string, Role> = new Map([
  ['human', 'user'],
  ['ai', 'assistant'],
  ['system', 'system'],
  ['developer', 'system'],
  ['tool', 'tool'],
]);

// Messages without an id get a content-based key, computed once per message object.
const CONTENT_KEYS = new WeakMap<object, string>();

function keyOf(message: BaseMessage): string {
  if (message.type === 'tool') return `tool:${(message as { tool_call_id?: unknown }).tool_call_id}`;
  if (typeof message.id === 'string' && message.id !== '') return `${message.type}:${message.id}`;
  let key = CONTENT_KEYS.get(message);
  if (key === undefined) {
    key = `${message.type}#${messageText(message.content)}`;
    CONTENT_KEYS.set(message, key);
  }
  return key;
}

/**
 * The parts of a prompt the session has not indexed yet, with stable keys: a message id (or, for tool results,
 * the tool call id), so each message is read once however long the conversation grows. Keys are marked seen
 * here; the caller hands the parts to `session.recordModelCall`.
 *
 * Roles: human → `user`, system and developer → `system`, tool → `tool`; the model's own (ai) messages are not
 * indexed, as in the Vercel AI SDK adapter: they are not a source of anything. Any other message
 * type is passed as a tool result nobody recorded, which the engine labels with the policy's stance: content
 * of unknown origin is never treated as the user's. Error results labelflow itself wrote for refused calls are
 * skipped: they are labelflow's text, not a tool's.
 *
 * @example
 * ```ts
 * const parts = newPromptParts({ messages: request.messages, system: request.systemMessage, state });
 * session.recordModelCall({ parts });
 * ```
 */
export function newPromptParts({ messages, system, state }: { messages: readonly BaseMessage[]; system?: BaseMessage | undefined; state: SessionAdapterState }): PromptPart[] {
  const parts: PromptPart[] = [];
  if (system !== undefined) {
    const text = messageText(system.content);
    const key = `system:${text}`;
    if (text !== '' && !state.seen.has(key)) {
      state.seen.add(key);
      parts.push({ key, role: 'system', content: text });
    }
  }
  for (const message of messages) {
    const role = ROLES.get(message.type) ?? 'tool';
    // The model's own text is never a source: a value it made up must not ground its own later calls.
    if (role === 'assistant') continue;
    const key = keyOf(message);
    if (state.seen.has(key)) continue;
    state.seen.add(key);
    const toolCallId = message.type === 'tool' ? String((message as { tool_call_id?: unknown }).tool_call_id ?? '') : undefined;
    if (toolCallId !== undefined && state.refused.has(toolCallId)) continue;
    const content = messageText(message.content);
    if (content === '') continue;
    const toolName = message.type === 'tool' && typeof message.name === 'string' && message.name !== '' ? message.name : undefined;
    parts.push({ key, role, content, ...(toolCallId === undefined || toolCallId === '' ? {} : { toolCallId }), ...(toolName === undefined ? {} : { toolName }) });
  }
  return parts;
}
