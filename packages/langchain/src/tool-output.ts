import type { ToolResultRecord } from '@labelflow/core';
import { ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { messageText } from './message-text.js';
import { parseJsonContent } from './parse-json-content.js';

/** A LangGraph `Command` a tool returned (recognised by shape: `@langchain/langgraph` is not a dependency). */
interface CommandLike {
  readonly lg_name: 'Command';
  readonly update?: unknown;
}

function isCommand(value: unknown): value is CommandLike {
  return value !== null && typeof value === 'object' && (value as { lg_name?: unknown }).lg_name === 'Command';
}

function commandMessages(command: CommandLike): BaseMessage[] {
  const update = command.update;
  if (update === null || typeof update !== 'object' || !Object.hasOwn(update, 'messages')) return [];
  const messages = (update as { messages: unknown }).messages;
  return Array.isArray(messages) ? (messages as BaseMessage[]) : [];
}

/**
 * What the engine labels, redacts and indexes for a tool's output: the content of the `ToolMessage` the model
 * will read (structured when it is JSON, so `secretPaths` and `untrustedPaths` apply), the text of the
 * messages a `Command` adds, or a plain value as is.
 */
export function recordableOutput(output: unknown): unknown {
  if (ToolMessage.isInstance(output)) return typeof output.content === 'string' ? (parseJsonContent(output.content) ?? output.content) : output.content;
  if (isCommand(output)) return commandMessages(output).map((message) => messageText(message.content)).join('\n');
  return output;
}

function modelContent(content: ToolMessage['content'], recorded: unknown, modelResult: unknown): ToolMessage['content'] {
  if (typeof content !== 'string') return modelResult as ToolMessage['content'];
  if (typeof modelResult === 'string') return modelResult;
  // Redaction returns the very value it was given when it changed nothing: no need to compare texts.
  if (modelResult === recorded) return content;
  const text = JSON.stringify(modelResult);
  // Unchanged structured output keeps the tool's own formatting.
  return text === JSON.stringify(recorded) ? content : text;
}

/** A copy of `message` with new content and the result's labels in `response_metadata.labelflow`. */
export function labelledToolMessage(message: ToolMessage, content: ToolMessage['content'], record: ToolResultRecord): ToolMessage {
  return new ToolMessage({
    content,
    tool_call_id: message.tool_call_id,
    ...(message.name === undefined ? {} : { name: message.name }),
    ...(message.id === undefined ? {} : { id: message.id }),
    ...(message.status === undefined ? {} : { status: message.status }),
    artifact: message.artifact,
    additional_kwargs: message.additional_kwargs,
    ...(message.metadata === undefined ? {} : { metadata: message.metadata }),
    response_metadata: {
      ...message.response_metadata,
      labelflow: { labels: record.descriptor.labels, taint: record.descriptor.taint, redacted: record.redacted },
    },
  });
}

/**
 * The output the framework gets back: the engine's model result (secrets replaced by handles, after-guard
 * transforms applied) in the shape the tool produced. A `Command`'s messages are redacted in place; the
 * `Command` itself is returned.
 */
export function withModelResult(output: unknown, { recorded, record, redact }: { recorded: unknown; record: ToolResultRecord; redact: <T>(value: T) => T }): unknown {
  if (ToolMessage.isInstance(output)) return labelledToolMessage(output, modelContent(output.content, recorded, record.modelResult), record);
  if (isCommand(output)) {
    const messages = commandMessages(output);
    for (const [index, message] of messages.entries()) {
      const redacted = redact(message.content);
      if (ToolMessage.isInstance(message)) messages[index] = labelledToolMessage(message, redacted, record);
      else message.content = redacted;
    }
    return output;
  }
  return record.modelResult;
}
