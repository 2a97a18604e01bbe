import type { PromptPart } from '@labelflow/core';

/** What labelflow reads of a message. A model call's prompt messages and the SDK's `ModelMessage`s both have this shape. */
export interface ConversationMessage {
  readonly role: string;
  readonly content: unknown;
}

/** How far a conversation has been indexed: its length then, and a fingerprint of its last message. */
export interface ConversationCursor {
  readonly length: number;
  readonly last: string;
}

/** Options of `conversationParts`. */
export interface ConversationPartsOptions {
  /** Where the previous call stopped; `undefined` reads the whole conversation. */
  readonly cursor: ConversationCursor | undefined;
  /** Tool results not to read from the prompt: the session recorded them itself, or they are labelflow's denials. */
  readonly skip: (toolCallId: string) => boolean;
}

type Loose = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Loose {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function own(record: Loose, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The text a tool-result output shows the model, or `undefined` for outputs that are not a tool's data. */
export function toolOutputText(output: unknown): string | undefined {
  if (!isRecord(output)) return stringify(output);
  const value = own(output, 'value');
  switch (own(output, 'type')) {
    // A refusal (labelflow's, or a person's answer to an approval request) is not data a tool returned.
    case 'execution-denied':
      return undefined;
    case 'text':
    case 'error-text':
    case 'json':
    case 'error-json':
      return stringify(value);
    case 'content':
      if (!Array.isArray(value)) return stringify(value);
      return value.flatMap((part: unknown) => (isRecord(part) && typeof own(part, 'text') === 'string' ? [own(part, 'text') as string] : [])).join('\n');
    default:
      return stringify(output);
  }
}

function texts(content: unknown): string[] {
  if (typeof content === 'string') return content.length > 0 ? [content] : [];
  if (!Array.isArray(content)) return [];
  return content.flatMap((part: unknown) => {
    const text = isRecord(part) && own(part, 'type') === 'text' ? own(part, 'text') : undefined;
    return typeof text === 'string' && text.length > 0 ? [text] : [];
  });
}

function toolResults(content: unknown, skip: (toolCallId: string) => boolean): PromptPart[] {
  if (!Array.isArray(content)) return [];
  const parts: PromptPart[] = [];
  for (const part of content as unknown[]) {
    if (!isRecord(part) || own(part, 'type') !== 'tool-result') continue;
    const toolCallId = own(part, 'toolCallId');
    if (typeof toolCallId !== 'string' || skip(toolCallId)) continue;
    const text = toolOutputText(own(part, 'output'));
    const toolName = own(part, 'toolName');
    if (text === undefined) continue;
    parts.push({ key: `tool-result:${toolCallId}`, role: 'tool', content: text, toolCallId, ...(typeof toolName === 'string' ? { toolName } : {}) });
  }
  return parts;
}

function partsOf(message: ConversationMessage, skip: (toolCallId: string) => boolean): PromptPart[] {
  switch (message.role) {
    case 'system':
      return texts(message.content).map((content) => ({ key: `system:${content}`, role: 'system', content }));
    case 'user':
      return texts(message.content).map((content) => ({ key: `user:${content}`, role: 'user', content }));
    case 'tool':
      return toolResults(message.content, skip);
    default:
      // The model's own earlier output is not indexed: a value the model made up must not ground its later calls.
      return [];
  }
}

/** A cheap summary of a message, to tell whether a conversation still starts with what was indexed before. */
function fingerprint(message: ConversationMessage | undefined): string {
  if (message === undefined) return '';
  const { content } = message;
  if (typeof content === 'string') return `${message.role}|${content.length}|${content.slice(0, 32)}`;
  if (!Array.isArray(content)) return `${message.role}|?`;
  const parts = content.map((part: unknown) => {
    if (!isRecord(part)) return '?';
    const text = own(part, 'text');
    return `${String(own(part, 'type'))}:${String(own(part, 'toolCallId') ?? '')}:${typeof text === 'string' ? text.length : ''}`;
  });
  return `${message.role}|${parts.join(',')}`;
}

/**
 * The prompt parts of a conversation that were not indexed yet, with stable keys (system and user text by
 * content, tool results by tool call id), and the cursor for next time. A conversation that grew by appending
 * is read from where the cursor stopped, so a run costs time linear in its length; one that changed (a
 * `prepareStep` that rewrote messages) is read again whole, and the session skips the keys it has.
 *
 * @example
 * ```ts
 * const { parts, cursor } = conversationParts(params.prompt, { cursor: run.cursor, skip: (id) => run.recorded.has(id) });
 * session.recordModelCall({ parts });
 * ```
 */
export function conversationParts(
  messages: readonly ConversationMessage[],
  { cursor, skip }: ConversationPartsOptions,
): { parts: PromptPart[]; cursor: ConversationCursor } {
  const resumes = cursor !== undefined && cursor.length > 0 && messages.length >= cursor.length && fingerprint(messages[cursor.length - 1]) === cursor.last;
  const start = resumes ? cursor.length : 0;
  const parts: PromptPart[] = [];
  // Leading system messages are always read: `prepareStep` may change the instructions of any step.
  for (let index = 0; index < start && messages[index]?.role === 'system'; index += 1) parts.push(...partsOf(messages[index] as ConversationMessage, skip));
  for (let index = start; index < messages.length; index += 1) parts.push(...partsOf(messages[index] as ConversationMessage, skip));
  return { parts, cursor: { length: messages.length, last: fingerprint(messages.at(-1)) } };
}
