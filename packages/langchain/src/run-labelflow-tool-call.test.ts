import type { SessionEvent } from '@labelflow/core';
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { Command } from '@langchain/langgraph';
import { createAgent, fakeModel } from 'langchain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { labelflowMiddleware } from './labelflow-middleware.js';

const KEY = 'sk-live-51HxQ2bT9zLmN4';

function toolMessages(messages: readonly BaseMessage[]): ToolMessage[] {
  return messages.filter((message): message is ToolMessage => ToolMessage.isInstance(message));
}

function agentWith(tools: Parameters<typeof createAgent>[0]['tools'], calls: { name: string; args: Record<string, unknown>; id: string }[], events: SessionEvent[] = []) {
  const model = fakeModel().respondWithTools(calls).respond(new AIMessage('done'));
  return createAgent({
    model,
    tools: tools ?? [],
    middleware: [
      labelflowMiddleware({
        policy: {},
        onSession: (session) => {
          session.secret(KEY);
          session.subscribe((event) => events.push(event));
        },
      }),
    ],
  });
}

describe('runLabelflowToolCall', () => {
  it('should let a throwing tool fail as it would under any wrapToolCall middleware, and record the failure', async () => {
    const failing = tool(
      async () => {
        throw new Error('upstream 500');
      },
      { name: 'fetch_status', description: 'd', schema: z.object({}), metadata: { labelflow: { labels: [] } } },
    );
    const events: SessionEvent[] = [];

    await expect(agentWith([failing], [{ name: 'fetch_status', args: {}, id: 'f' }], events).invoke({ messages: [new HumanMessage('status?')] })).rejects.toThrow('upstream 500');
    expect(events.find((event) => event.type === 'tool-call')).toMatchObject({ tool: 'fetch_status', status: 'error' });
  });

  it('should pass arguments that fail the tool schema on to LangChain, which asks the model to fix them', async () => {
    const strict = tool(async ({ n }) => `got ${n}`, { name: 'count', description: 'd', schema: z.object({ n: z.number() }), metadata: { labelflow: { labels: [] } } });

    const result = await agentWith([strict], [{ name: 'count', args: { n: 'three' }, id: 'c' }]).invoke({ messages: [new HumanMessage('count')] });

    const [message] = toolMessages(result.messages);
    expect(message?.status).toBe('error');
    expect(message?.content).toContain('did not match expected schema');
    expect(result.messages.at(-1)).toMatchObject({ content: 'done' });
  });

  it('should redact the messages of a Command a tool returns', async () => {
    const commanding = tool(async (_args, runtime) => new Command({ update: { messages: [new ToolMessage({ content: `token ${KEY}`, tool_call_id: String((runtime as { toolCallId?: unknown }).toolCallId) })] } }), {
      name: 'issue_token',
      description: 'd',
      schema: z.object({}),
      metadata: { labelflow: { labels: [] } },
    });

    const result = await agentWith([commanding], [{ name: 'issue_token', args: {}, id: 't' }]).invoke({ messages: [new HumanMessage('token?')] });

    expect(toolMessages(result.messages).map((message) => message.content)).toEqual(['token «secret:1»']);
  });

  it('should decide a call of a tool the agent does not have, and pass on LangChain’s answer', async () => {
    const events: SessionEvent[] = [];

    const result = await agentWith([], [{ name: 'ghost', args: {}, id: 'g' }], events).invoke({ messages: [new HumanMessage('boo')] });

    expect(events.find((event) => event.type === 'decision')).toMatchObject({ tool: 'ghost' });
    expect(toolMessages(result.messages)[0]?.content).toContain('is not a valid tool');
  });
});
