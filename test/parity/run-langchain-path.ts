import type { SessionEvent } from '@labelflow/core';
import { labelflowMiddleware, labelMcpTools } from '@labelflow/langchain';
import { AIMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { tool, type StructuredToolInterface } from '@langchain/core/tools';
import { Command, MemorySaver } from '@langchain/langgraph';
import { loadMcpTools } from '@langchain/mcp-adapters';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createAgent, createMiddleware, fakeModel } from 'langchain';
import { z } from 'zod';
import { startMcpServer } from './mcp-fixture.js';
import type { ParityScenario, PathRun, RawSeen } from './parity-types.js';
import { besideMetadata } from './run-core-path.js';

type Loose = Readonly<Record<string, unknown>>;

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Loose)[key] : undefined;
}

function parsed(content: unknown): unknown {
  if (typeof content !== 'string') return content;
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return content;
  }
}

function isBubbleUp(error: unknown): boolean {
  return error !== null && typeof error === 'object' && (error as { is_bubble_up?: unknown }).is_bubble_up === true;
}

/**
 * Tool errors as error `ToolMessage`s, outside labelflow (first in the `middleware` array): labelflow rethrows a
 * tool's error (LangChain's middleware contract), so the engine records the call as failed, exactly as
 * `runToolCall` does in the core harness; this middleware then lets the model read the error and carry on.
 */
const TOOL_ERRORS_AS_MESSAGES = createMiddleware({
  name: 'tool-errors-as-messages',
  wrapToolCall: async (request, handler) => {
    try {
      return await handler(request);
    } catch (error) {
      // LangGraph pauses a node (an approval's `interrupt`) by throwing: that must reach LangGraph untouched.
      if (isBubbleUp(error)) throw error;
      return new ToolMessage({ content: error instanceof Error ? error.message : String(error), tool_call_id: request.toolCall.id ?? '', name: request.toolCall.name, status: 'error' });
    }
  },
});

/** A `ToolMessage` as the model reads it. */
function seenOf(message: ToolMessage, refused: boolean): RawSeen {
  const labelflow = field(message.response_metadata, 'labelflow');
  const content = parsed(message.content);
  if (message.status === 'error' && field(labelflow, 'decision') === 'deny') {
    const reason = String(field(content, 'reason') ?? '');
    return refused ? { type: 'refused', reason } : { type: 'denied', reason };
  }
  if (message.status === 'error') return { type: 'error', message: typeof message.content === 'string' ? message.content : JSON.stringify(message.content) };
  return { type: 'result', value: content };
}

/**
 * Path 3, the real LangChain path: `createAgent` with the scripted turns queued on `fakeModel()` and
 * `labelflowMiddleware` (metadata beside the tools). MCP tools come from `@langchain/mcp-adapters` on the
 * scenario's in-memory server, marked with `labelMcpTools`. A `native` approval is LangGraph's own flow: the
 * graph pauses with `interrupt` (a checkpointer and a thread), and is resumed with a `Command` carrying the
 * person's `HITLResponse`.
 */
export async function runLangchainPath(scenario: ParityScenario): Promise<PathRun> {
  const events: SessionEvent[] = [];
  const seen = new Map<string, RawSeen>();
  const answers = scenario.approvals?.answers ?? {};
  const refused = new Set(scenario.approvals?.mode !== 'native' ? [] : Object.entries(answers).filter(([, approved]) => !approved).map(([id]) => id));
  const native = scenario.approvals?.mode === 'native';

  const tools: StructuredToolInterface[] = scenario.tools
    .filter((spec) => spec.mcp !== true)
    .map((spec) => tool(async (args: Record<string, unknown>) => spec.run({ ...args }) as never, { name: spec.name, description: spec.description, schema: z.object(spec.input) }) as unknown as StructuredToolInterface);
  const mcp = scenario.mcpServer === undefined ? undefined : await startMcpServer(scenario);
  const client = mcp === undefined ? undefined : new Client({ name: 'labelflow-parity', version: '1.0.0' });
  try {
    if (client !== undefined && mcp !== undefined) {
      await client.connect(mcp.transport);
      const server = scenario.mcpServer ?? 'mcp';
      tools.push(...labelMcpTools(await loadMcpTools(server, client), { server }));
    }

    const model = fakeModel();
    let finalText = '';
    for (const turn of scenario.turns) {
      if ('text' in turn) {
        model.respond(() => {
          finalText = turn.text;
          return new AIMessage(turn.text);
        });
        break;
      }
      // A response of tool calls only, as the scripted turn says (`respondWithTools` would make up text from the prompt).
      model.respond(new AIMessage({ content: turn.say ?? '', tool_calls: turn.calls.map((call) => ({ name: call.tool, args: { ...call.args }, id: call.id, type: 'tool_call' as const })) }));
    }
    const middleware = labelflowMiddleware({
      policy: scenario.policy,
      tools: besideMetadata(scenario),
      guards: scenario.guards?.() ?? [],
      ...(scenario.approvals?.mode === 'callback' ? { onApproval: (request) => answers[request.toolCallId] === true } : {}),
      onEvent: (event) => events.push(event),
    });
    const agent = createAgent({ model, tools, middleware: [TOOL_ERRORS_AS_MESSAGES, middleware], ...(native ? { checkpointer: new MemorySaver() } : {}) });
    const config = { recursionLimit: scenario.turns.length * 4 + 20, ...(native ? { configurable: { thread_id: `parity-${scenario.id}` } } : {}) };
    let result = (await agent.invoke({ messages: [new HumanMessage(scenario.prompt)] }, config)) as { messages: unknown[]; __interrupt__?: { id: string; value: { labelflow: { toolCallId: string } } }[] };
    for (let round = 0; native && round < scenario.turns.length; round += 1) {
      const interrupts = result.__interrupt__ ?? [];
      if (interrupts.length === 0) break;
      const resume = Object.fromEntries(interrupts.map((entry) => [entry.id, { decisions: [{ type: answers[entry.value.labelflow.toolCallId] === true ? 'approve' : 'reject' }] }]));
      result = (await agent.invoke(new Command({ resume }), config)) as typeof result;
    }
    for (const message of result.messages) {
      if (ToolMessage.isInstance(message)) seen.set(message.tool_call_id, seenOf(message, refused.has(message.tool_call_id)));
    }
    return { path: 'langchain', events, seen, finalText };
  } finally {
    await client?.close();
    await mcp?.close();
  }
}
