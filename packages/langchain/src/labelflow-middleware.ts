import { randomUUID } from 'node:crypto';
import type { Session } from '@labelflow/core';
import type { ToolMessage } from '@langchain/core/messages';
import type { Command } from '@langchain/langgraph';
import { createMiddleware } from 'langchain';
import { z } from 'zod';
import { createAutoverify, type ModelOptions } from './autoverify.js';
import { createThreadSessions, type LabelflowOptions, type ThreadSessions } from './create-thread-sessions.js';
import type { SigningOptions } from '@labelflow/core';
import { newPromptParts } from './prompt-parts.js';
import { refusedToolMessage } from './refused-tool-message.js';
import { runLabelflowToolCall } from './run-labelflow-tool-call.js';
import { adapterStateOf } from './session-adapter-state.js';
import { threadIdOf } from './thread-id-of.js';
import { isWrappedTool } from './wrap-tool.js';

/** Options of `labelflowMiddleware`: session options (a registry is created), or a registry to share; and signing. */
export type LabelflowMiddlewareOptions = (LabelflowOptions | { readonly sessions: ThreadSessions }) & {
  /** The agent's model: the name its instructions are signed under (default `system`), `labels: ['llm']` for an auditor or sub-agent. */
  readonly model?: ModelOptions;
  /** Signed instructions (the policy's `defaults.autosign` / `autoverify`): key, signer, fixed instructions, `onTamper`. */
  readonly signing?: SigningOptions;
};

// A private state key (LangChain keeps `_` keys out of the agent's input and output), so nobody can pick it.
const STATE_SCHEMA = z.object({ _labelflowRun: z.string().optional() });

/**
 * labelflow for `createAgent`: every model call indexes what the model sees and labels its output; every tool
 * call is decided by the session's policy.
 *
 * - `wrapModelCall` hands the new messages (by id, each once) to `session.recordModelCall` and puts the output's
 *   labels in the AI message's `response_metadata.labelflow` (`influenced` after untrusted input).
 * - `wrapToolCall` decides the call. A denial becomes a `ToolMessage` with `status: 'error'` and a readable
 *   reason, and the agent carries on. An allowed call runs with the resolved arguments; its result is labelled,
 *   its secrets replaced by handles, and indexed. `require-approval` goes to `onApproval`, or else pauses the
 *   graph with LangGraph's `interrupt` (resume with a `HITLResponse`; needs a checkpointer).
 *
 * - With the policy's `defaults.autosign` / `autoverify`, `wrapModelCall` registers the instructions (signing
 *   them on a session's first call), checks them before every call (tampering throws
 *   `InstructionsTamperedError`, or with `signing.onTamper: 'flag'` is indexed `untrusted`), adds a `verify` tool,
 *   and gives a model labelled `llm` (`model: { labels: ['llm'] }`) the verification prompt.
 *
 * Sessions follow LangGraph threads: one per `thread_id`, kept across invocations, so a resumed thread keeps
 * its labels; an invocation without a thread (or a nested agent) gets its own session, ended when it finishes.
 *
 * @param options.policy the policy; or `options.sessions`, a registry from `createThreadSessions`
 * @param options.tools tool metadata beside the tools (tools can also carry `metadata.labelflow`)
 * @param options.onApproval decides `require-approval` calls instead of an interrupt
 * @param options.onSession called for each new session (subscribe to its events, register secrets)
 * @param options.audit an audit ledger (`createAuditLedger`) every session writes to
 * @param options.signing where the signing key and signatures live, the signer, fixed instructions, `onTamper`
 * @param options.model the name of the agent's instructions, and `labels: ['llm']` for an auditor or sub-agent
 * @example
 * ```ts
 * const agent = createAgent({
 *   model,
 *   tools: [readInbox, sendEmail],
 *   middleware: [labelflowMiddleware({ policy, tools: { send_email: { labels: ['exfil:send'], controlArgs: ['to'] } } })],
 * });
 * ```
 */
export function labelflowMiddleware(options: LabelflowMiddlewareOptions) {
  const { model, signing, ...registry } = options;
  const sessions = 'sessions' in registry ? registry.sessions : createThreadSessions(registry);
  const autoverify = createAutoverify({ sessions, signing, model });

  const sessionOf = (configurable: unknown, runId: string | undefined): Session => {
    const threadId = threadIdOf(configurable);
    if (threadId !== undefined) return sessions.thread(threadId);
    // Fail closed: with no thread and no run id there is no session whose labels could decide this call.
    if (runId === undefined) throw new Error('labelflow: this agent step has no session (no `thread_id` and no run id from `beforeAgent`)');
    return sessions.run(runId);
  };

  return createMiddleware({
    name: 'labelflow',
    stateSchema: STATE_SCHEMA,
    tools: autoverify.tools,
    beforeAgent: (_state, runtime) => (threadIdOf(runtime.configurable) === undefined ? { _labelflowRun: randomUUID() } : undefined),
    afterAgent: (state, runtime) => {
      if (threadIdOf(runtime.configurable) === undefined && state._labelflowRun !== undefined) sessions.endRun(state._labelflowRun);
      return undefined;
    },
    wrapModelCall: async (request, handler) => {
      const session = sessionOf(request.runtime.configurable, request.state._labelflowRun);
      // Before anything is indexed: tampered instructions throw here (deny), or must not be indexed as trusted (flag).
      const prepared = autoverify.prepare(session, request);
      const parts = newPromptParts({ messages: request.messages, system: request.systemMessage, state: adapterStateOf(session) });
      const record = session.recordModelCall({ parts: prepared.flagged ? parts.filter((part) => part.role !== 'system') : parts });
      const message = await handler({ ...request, ...prepared.overrides } as typeof request);
      message.response_metadata = { ...message.response_metadata, labelflow: { labels: record.output.labels, influenced: record.influenced } };
      return message;
    },
    wrapToolCall: async (request, handler) => {
      // A tool wrapped with `wrapTool` decides its own calls; deciding twice would count it twice.
      if (isWrappedTool(request.tool)) return handler(request);
      const session = sessionOf(request.runtime.configurable, request.state._labelflowRun);
      const toolCall = { ...request.toolCall, id: request.toolCall.id ?? `labelflow-${randomUUID()}` };
      const result = await runLabelflowToolCall({
        session,
        toolName: toolCall.name,
        toolCallId: toolCall.id,
        args: toolCall.args,
        tool: request.tool,
        execute: async (args) => autoverify.runTool(toolCall.name, request.tool, () => handler({ ...request, toolCall: { ...toolCall, args } })),
        interrupt: request.runtime.interrupt,
      });
      if (result.type === 'refused') return refusedToolMessage({ decision: result.decision, toolCallId: toolCall.id, toolName: toolCall.name, note: result.note });
      // The framework's own output (a ToolMessage, or a Command the tool returned), with the model result in it.
      return result.output as ToolMessage | Command;
    },
  });
}
