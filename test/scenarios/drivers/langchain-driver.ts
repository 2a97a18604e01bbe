import type { ToolMetadata } from '@labelflow/core';
import { labelflowMiddleware } from '@labelflow/langchain';
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { tool, type StructuredToolInterface } from '@langchain/core/tools';
import { createAgent, createMiddleware, fakeModel } from 'langchain';
import type { AgentDriver, AgentRunInput, AgentRunResult, ModelToolCall, ModelViewMessage } from '../harness/agent-driver.js';
import { callRecords, policyDenial } from './call-records.js';

type Loose = Readonly<Record<string, unknown>>;

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Loose)[key] : undefined;
}

/** The rule ids labelflow put on a refused call's `ToolMessage` (`response_metadata.labelflow`). */
function refusal(message: ToolMessage): readonly string[] | undefined {
  const labelflow = field(message.response_metadata, 'labelflow');
  if (field(labelflow, 'decision') !== 'deny') return undefined;
  const ids = field(labelflow, 'ruleIds');
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * What the model reads of one tool result: the `ToolMessage` content (JSON text, as LangChain's `ToolNode`
 * writes it). An error message labelflow wrote for a refused call is `denied`; any other error message is a
 * tool error; a success is the result.
 */
export function viewOfToolMessage(call: ModelToolCall, message: ToolMessage | undefined): Extract<ModelViewMessage, { role: 'tool' }> {
  const base = { role: 'tool' as const, toolCallId: call.toolCallId, toolName: call.toolName };
  if (message === undefined) return { ...base, status: 'error', content: { error: 'no result' } };
  const content = message.content;
  if (message.status === 'error') return { ...base, status: refusal(message) !== undefined || policyDenial(content) !== undefined ? 'denied' : 'error', content };
  return { ...base, status: 'ok', content };
}

/**
 * Tool errors as error `ToolMessage`s the model reads, as the core harness does (a `failed` call the agent gets
 * past). It sits before labelflow in the `middleware` array (outside it), so the engine still sees the tool
 * throw and records the call as failed, exactly as `runToolCall` does in the core harness.
 */
const TOOL_ERRORS_AS_MESSAGES = createMiddleware({
  name: 'tool-errors-as-messages',
  wrapToolCall: async (request, handler) => {
    try {
      return await handler(request);
    } catch (error) {
      // LangGraph pauses a node by throwing a bubble-up error (an `interrupt`): it must reach LangGraph untouched.
      if (error !== null && typeof error === 'object' && (error as { is_bubble_up?: unknown }).is_bubble_up === true) throw error;
      const text = error instanceof Error ? error.message : String(error);
      return new ToolMessage({ content: JSON.stringify({ error: text }), tool_call_id: request.toolCall.id ?? '', name: request.toolCall.name, status: 'error' });
    }
  },
});

/**
 * Runs scenarios through the real LangChain path: `createAgent` with the scripted model behind LangChain's
 * `fakeModel()` (one queued factory per model step) and `labelflowMiddleware` with the tools' metadata beside
 * the tools. With `protection: null` the same agent runs without labelflow.
 *
 * The model is shown the conversation rebuilt from the messages LangChain hands the model: its own tool calls and
 * each `ToolMessage`. A refusal's rule ids come from the message labelflow wrote
 * (`response_metadata.labelflow.ruleIds`, the engine's `decision.ruleIds`).
 *
 * @example
 * ```ts
 * const result = await runBenign(suite, task, 'P1', { driver: createLangchainDriver() });
 * ```
 */
export function createLangchainDriver(): AgentDriver {
  return {
    name: 'langchain',
    async run({ prompt, tools, protection, model, maxSteps }: AgentRunInput): Promise<AgentRunResult> {
      const raw = new Map<string, unknown>();
      const ruleIds = new Map<string, readonly string[]>();
      const lcTools: StructuredToolInterface[] = tools.map((spec) =>
        tool(
          async (args: Record<string, unknown>, config: { toolCall?: { id?: string } }) => {
            const value = spec.execute({ ...args });
            if (config.toolCall?.id !== undefined) raw.set(config.toolCall.id, value);
            return value as never;
          },
          { name: spec.name, description: spec.description, schema: spec.input },
        ) as unknown as StructuredToolInterface,
      );

      const messages: ModelViewMessage[] = [{ role: 'user', content: prompt }];
      let pending: readonly ModelToolCall[] = [];
      let finalText: string | undefined;
      const step = (seen: readonly BaseMessage[]): BaseMessage => {
        const results = new Map<string, ToolMessage>();
        for (const message of seen) if (ToolMessage.isInstance(message)) results.set(message.tool_call_id, message);
        for (const call of pending) {
          const message = results.get(call.toolCallId);
          const rules = message === undefined ? undefined : refusal(message);
          if (rules !== undefined) ruleIds.set(call.toolCallId, rules);
          messages.push(viewOfToolMessage(call, message));
        }
        pending = [];
        const turn = model.next({ messages });
        if (turn.type === 'final') {
          finalText = turn.text;
          return new AIMessage(turn.text);
        }
        messages.push({ role: 'assistant', toolCalls: turn.calls });
        pending = turn.calls;
        return new AIMessage({ content: '', tool_calls: turn.calls.map((call) => ({ name: call.toolName, args: { ...call.args }, id: call.toolCallId, type: 'tool_call' as const })) });
      };
      const chat = fakeModel();
      for (let index = 0; index < maxSteps; index += 1) chat.respond(step);

      const metadata: Record<string, ToolMetadata> = {};
      for (const spec of tools) metadata[spec.name] = spec.metadata;
      const middleware = protection === null ? [TOOL_ERRORS_AS_MESSAGES] : [TOOL_ERRORS_AS_MESSAGES, labelflowMiddleware({ policy: protection.policy, tools: metadata, guards: protection.guards })];
      const agent = createAgent({ model: chat, tools: lcTools, middleware });
      try {
        await agent.invoke({ messages: [new HumanMessage(prompt)] }, { recursionLimit: maxSteps * 4 + 20 });
      } catch (error) {
        if (finalText === undefined && chat.callCount >= maxSteps) throw new Error(`the scripted model did not answer within ${maxSteps} steps`);
        throw error;
      }
      if (finalText === undefined) throw new Error('the LangChain agent stopped before the scripted model answered');
      return { finalText, calls: callRecords(messages, { raw, ruleIds, protected: protection !== null, guarded: protection !== null && protection.guards.length > 0 }) };
    },
  };
}
