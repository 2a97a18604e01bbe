import type { Session, ToolMetadata } from '@labelflow/core';
import { BaseCallbackHandler } from '@langchain/core/callbacks/base';
import type { Serialized } from '@langchain/core/load/serializable';
import type { BaseMessage } from '@langchain/core/messages';
import type { ThreadSessions } from './create-thread-sessions.js';
import { describeTool } from './describe-tool.js';
import { mcpSourceLabels } from './mcp-source.js';
import { parseJsonContent } from './parse-json-content.js';
import { newPromptParts } from './prompt-parts.js';
import { adapterStateOf } from './session-adapter-state.js';
import { recordableOutput } from './tool-output.js';
import { WRAPPED_METADATA_KEY } from './wrap-tool.js';

/** Where the handler records: one session, or thread sessions (the thread comes from the run's metadata). */
export interface LabelflowCallbackHandlerOptions {
  readonly session?: Session;
  readonly sessions?: ThreadSessions;
}

interface OpenCall {
  readonly session: Session;
  readonly toolName: string;
  readonly toolCallId: string;
  readonly metadata?: ToolMetadata;
}

function argsOf(input: unknown): Record<string, unknown> {
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) return input as Record<string, unknown>;
  const text = typeof input === 'string' ? input : JSON.stringify(input) ?? '';
  const parsed = parseJsonContent(text);
  return parsed !== undefined && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { input: text };
}

function toolNameOf(tool: Serialized, runName: string | undefined): string {
  if (runName !== undefined && runName !== '') return runName;
  const name = (tool as { name?: unknown }).name;
  return typeof name === 'string' ? name : String(tool.id.at(-1) ?? 'unknown');
}

/**
 * An observe-only audit of a LangChain run, for apps that cannot add `labelflowMiddleware` (or want a trail of
 * a run they do not enforce): chat model prompts are indexed, each tool call is decided and each result is
 * labelled and indexed, so the session's events (`session.subscribe`) show what the policy would have done.
 *
 * It never blocks. LangChain runs callbacks beside the work, and a callback can stop a call only by throwing
 * with `raiseError`, which LangChain then turns into an error the model reads, with no control over the text;
 * enforcement belongs in `labelflowMiddleware` or `wrapTool`. A `deny` recorded here is a call that ran
 * anyway, and a result recorded here reached the model unredacted.
 *
 * The handler is awaited (`awaitHandlers`), so the trail is complete when `invoke` returns. Do not combine it
 * with an `onApproval` session: deciding a call would ask for approvals that change nothing. Calls of tools
 * wrapped with `wrapTool` are left to the wrapper, so in a custom LangGraph graph the handler can index the
 * model's prompts while wrapped tools in a `ToolNode` enforce.
 *
 * @param options.session the session to record into (one handler per conversation)
 * @param options.sessions thread sessions: runs with a `thread_id` record into that thread's session
 * @example
 * ```ts
 * const session = sessions.thread('t-1');
 * session.subscribe((event) => audit.push(event));
 * await agent.invoke(input, { callbacks: [new LabelflowCallbackHandler({ session })] });
 * ```
 */
export class LabelflowCallbackHandler extends BaseCallbackHandler {
  name = 'labelflow';
  readonly session: Session | undefined;
  readonly sessions: ThreadSessions | undefined;
  readonly #calls = new Map<string, OpenCall>();

  constructor(options: LabelflowCallbackHandlerOptions) {
    super({ _awaitHandler: true });
    if (options.session === undefined && options.sessions === undefined) throw new TypeError('LabelflowCallbackHandler needs `session` or `sessions`');
    this.session = options.session;
    this.sessions = options.sessions;
  }

  #sessionOf(metadata: Record<string, unknown> | undefined): Session | undefined {
    if (this.session !== undefined) return this.session;
    const threadId = metadata !== undefined && Object.hasOwn(metadata, 'thread_id') ? metadata['thread_id'] : undefined;
    return typeof threadId === 'string' && threadId !== '' ? this.sessions?.thread(threadId) : undefined;
  }

  override handleChatModelStart(_llm: Serialized, messages: BaseMessage[][], _runId: string, _parentRunId?: string, _extraParams?: Record<string, unknown>, _tags?: string[], metadata?: Record<string, unknown>): void {
    const session = this.#sessionOf(metadata);
    if (session === undefined) return;
    session.recordModelCall({ parts: newPromptParts({ messages: messages[0] ?? [], state: adapterStateOf(session) }) });
  }

  override async handleToolStart(tool: Serialized, input: string, runId: string, _parentRunId?: string, _tags?: string[], metadata?: Record<string, unknown>, runName?: string, toolCallId?: string): Promise<void> {
    const session = this.#sessionOf(metadata);
    // A tool wrapped with `wrapTool` decides and records its own calls.
    if (session === undefined || metadata?.[WRAPPED_METADATA_KEY] === true) return;
    const toolName = toolNameOf(tool, runName);
    const description = describeTool({ name: toolName, metadata });
    const call: OpenCall = { session, toolName, toolCallId: toolCallId ?? runId, ...(description.metadata === undefined ? {} : { metadata: description.metadata }) };
    // The result is labelled with the MCP source directly: recording it does not decide anything.
    const source = description.mcp === undefined ? undefined : mcpSourceLabels(description.mcp);
    this.#calls.set(runId, source === undefined ? call : { ...call, metadata: { ...call.metadata, output: { ...call.metadata?.output, labels: [...(call.metadata?.output?.labels ?? []), ...source] } } });
    await session.checkToolCall({ toolName, toolCallId: call.toolCallId, args: argsOf(input), ...(call.metadata === undefined ? {} : { metadata: call.metadata }) });
  }

  override handleToolEnd(output: unknown, runId: string): void {
    const call = this.#calls.get(runId);
    if (call === undefined) return;
    this.#calls.delete(runId);
    call.session.recordToolResult({ toolCallId: call.toolCallId, toolName: call.toolName, result: recordableOutput(output), ...(call.metadata === undefined ? {} : { metadata: call.metadata }) });
  }

  override handleToolError(_error: unknown, runId: string): void {
    this.#calls.delete(runId);
  }
}
