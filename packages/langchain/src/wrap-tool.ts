import { randomUUID } from 'node:crypto';
import { deniedResult, tryGetSession, type Session } from '@labelflow/core';
import type { StructuredToolInterface } from '@langchain/core/tools';
import type { ThreadSessions } from './create-thread-sessions.js';
import { describeTool } from './describe-tool.js';
import { refusedToolMessage } from './refused-tool-message.js';
import { runLabelflowToolCall } from './run-labelflow-tool-call.js';
import { threadIdOf } from './thread-id-of.js';

/** Where a wrapped tool's calls are decided. */
export interface WrapToolOptions {
  /** One session for every call (a conversation driven by hand, a script). */
  readonly session?: Session;
  /** Thread sessions: a call made in a LangGraph thread (`configurable.thread_id`) uses that thread's session. */
  readonly sessions?: ThreadSessions;
}

/** The parts of a LangChain tool the wrapper uses (`_call` is protected in the types, public at run time). */
interface ToolInternals {
  _call(arg: unknown, runManager?: unknown, config?: Record<string, unknown>): Promise<unknown>;
  readonly responseFormat?: string;
}

const WRAPPED = Symbol.for('labelflow.langchain.wrapped-tool');

/** Set in a wrapped tool's own `metadata`, so the callback handler (which sees only metadata) leaves its calls to it. */
export const WRAPPED_METADATA_KEY = 'labelflowWrapped';

/** True for a tool `wrapTool` returned. */
export function isWrappedTool(tool: unknown): boolean {
  return tool !== null && typeof tool === 'object' && (tool as Record<symbol, unknown>)[WRAPPED] === true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sessionFor(options: WrapToolOptions, config: Record<string, unknown> | undefined, toolName: string): Session {
  if (options.session !== undefined) return options.session;
  const threadId = threadIdOf(config?.['configurable']);
  if (threadId !== undefined && options.sessions !== undefined) return options.sessions.thread(threadId);
  const current = tryGetSession();
  if (current !== undefined) return current;
  // Fail closed: a call no session can decide does not run.
  throw new Error(`labelflow: no session decides tool \`${toolName}\`: pass \`session\`, or \`sessions\` and run it in a LangGraph thread, or call it inside \`session.run(...)\``);
}

/**
 * Wraps a LangChain StructuredTool so every call is decided by a labelflow session, for tools used outside
 * `createAgent`'s middleware: a LangGraph `ToolNode`, a chain, or plain `tool.invoke`. Same decisions as the
 * middleware: a denial comes back as an error `ToolMessage` when the tool is invoked with a tool call, or as the
 * readable `{ error: 'policy_denied', … }` object when it is invoked with plain arguments; an allowed call runs
 * with the resolved arguments and its result is labelled, redacted and indexed.
 *
 * The wrapper is the same tool (same name, schema, description, metadata: it inherits them) with its
 * execution replaced; the original is not changed. A `require-approval` without `onApproval` uses LangGraph's
 * `interrupt` when the tool runs in a graph node.
 *
 * @param options.session one session for every call
 * @param options.sessions thread sessions, used when the call runs in a LangGraph thread
 * @example
 * ```ts
 * const sessions = createThreadSessions({ policy });
 * const toolNode = new ToolNode(wrapTools([readInbox, sendEmail], { sessions }));
 * ```
 */
export function wrapTool<T extends StructuredToolInterface>(tool: T, options: WrapToolOptions): T {
  if (isWrappedTool(tool)) return tool;
  describeTool(tool); // a malformed `metadata.labelflow` throws now, not on the first call
  const original = tool as unknown as ToolInternals;
  const wrapped = Object.create(tool) as T & ToolInternals;
  Object.defineProperty(wrapped, WRAPPED, { value: true });
  const metadata = (tool as { metadata?: Record<string, unknown> }).metadata;
  Object.defineProperty(wrapped, 'metadata', { value: { ...(metadata ?? {}), [WRAPPED_METADATA_KEY]: true }, writable: true, enumerable: true, configurable: true });
  const pairs = original.responseFormat === 'content_and_artifact';

  Object.defineProperty(wrapped, '_call', {
    value: async function labelflowToolCall(arg: unknown, runManager?: unknown, config?: Record<string, unknown>): Promise<unknown> {
      const session = sessionFor(options, config, tool.name);
      const toolCall = isRecord(config?.['toolCall']) ? config['toolCall'] : undefined;
      const fromCall = typeof toolCall?.['id'] === 'string' ? toolCall['id'] : undefined;
      const toolCallId = fromCall ?? `labelflow-${randomUUID()}`;
      const structured = isRecord(arg);
      let artifact: unknown;
      const result = await runLabelflowToolCall({
        session,
        toolName: tool.name,
        toolCallId,
        args: structured ? arg : { input: arg },
        tool,
        execute: async (args) => {
          const output = await original._call(structured ? args : args['input'], runManager, config);
          if (!pairs || !Array.isArray(output) || output.length !== 2) return output;
          // content_and_artifact: the model reads the content; the artifact goes to the app as it is.
          artifact = output[1];
          return output[0];
        },
        interrupt: typeof config?.['interrupt'] === 'function' ? (config['interrupt'] as (value: unknown) => unknown) : undefined,
      });
      let content: unknown;
      if (result.type === 'executed') content = result.output;
      else if (fromCall !== undefined) content = refusedToolMessage({ decision: result.decision, toolCallId, toolName: tool.name, note: result.note });
      else content = result.note === undefined ? deniedResult(result.decision) : { ...deniedResult(result.decision), note: result.note };
      return pairs ? [content, artifact] : content;
    },
  });
  return wrapped;
}

/**
 * Wraps every tool of a list with `wrapTool`.
 *
 * @example
 * ```ts
 * const tools = wrapTools([readInbox, sendEmail], { session });
 * await tools[1].invoke({ to: 'rita@corp.io', body: 'hi' });
 * ```
 */
export function wrapTools<T extends StructuredToolInterface>(tools: readonly T[], options: WrapToolOptions): T[] {
  return tools.map((tool) => wrapTool(tool, options));
}
