import { createSession, InvalidPolicyError, type SessionEvent } from '@labelflow/core';
import { AIMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { Command, MemorySaver, MessagesAnnotation, StateGraph } from '@langchain/langgraph';
import { ToolNode } from '@langchain/langgraph/prebuilt';
import { createAgent, fakeModel } from 'langchain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createThreadSessions } from './create-thread-sessions.js';
import { LabelflowCallbackHandler } from './labelflow-callback-handler.js';
import { labelflowMiddleware } from './labelflow-middleware.js';
import { API_KEY, ATTACKER_ADDRESS, decisionsOf, mailTools, USER_ADDRESS, USER_PROMPT } from './test-support/mail-tools.js';
import { isWrappedTool, wrapTool, wrapTools } from './wrap-tool.js';

function userSession(prompt = USER_PROMPT) {
  const session = createSession({ policy: {} });
  session.registerUserMessage(prompt);
  return session;
}

function callMessage(calls: { name: string; args: Record<string, unknown>; id: string }[]): AIMessage {
  return new AIMessage({ content: '', tool_calls: calls.map((call) => ({ ...call, type: 'tool_call' as const })) });
}

describe('wrapTool', () => {
  describe('tool.invoke', () => {
    it('should return the denial object for plain arguments and the output for an allowed call', async () => {
      const { sendEmail, executed } = mailTools();
      const send = wrapTool(sendEmail, { session: userSession() });

      expect(await send.invoke({ to: ATTACKER_ADDRESS, body: 'hi' })).toMatchObject({ error: 'policy_denied', rule: 'no-send-to-unknown' });
      expect(await send.invoke({ to: USER_ADDRESS, body: 'hi' })).toBe(`sent to ${USER_ADDRESS}`);
      expect(executed).toEqual([{ tool: 'send_email', args: { to: USER_ADDRESS, body: 'hi' } }]);
    });

    it('should return ToolMessages when invoked with a tool call', async () => {
      const { sendEmail } = mailTools();
      const send = wrapTool(sendEmail, { session: userSession() });

      const denied = await send.invoke({ name: 'send_email', args: { to: ATTACKER_ADDRESS, body: 'hi' }, id: 'c1', type: 'tool_call' });
      const allowed = await send.invoke({ name: 'send_email', args: { to: USER_ADDRESS, body: 'hi' }, id: 'c2', type: 'tool_call' });

      expect(ToolMessage.isInstance(denied) && [denied.status, denied.tool_call_id]).toEqual(['error', 'c1']);
      expect(ToolMessage.isInstance(allowed) && [allowed.status, allowed.content]).toEqual(['success', `sent to ${USER_ADDRESS}`]);
    });

    it('should redact secrets from what it returns and resolve handles only where the policy allows', async () => {
      const { getConfig, sendEmail } = mailTools();
      const received: unknown[] = [];
      const login = tool(
        async ({ key }) => {
          received.push(key);
          return 'logged in';
        },
        { name: 'login', description: 'logs in', schema: z.object({ key: z.string() }), metadata: { labelflow: { labels: [] } } },
      );
      const session = userSession();
      const config = wrapTool(getConfig, { session });
      const send = wrapTool(sendEmail, { session });
      const signIn = wrapTool(login, { session });

      const output = (await config.invoke({})) as { apiKey: string };
      expect(output).toEqual({ apiKey: '«secret:1»', region: 'eu' });
      expect(await signIn.invoke({ key: output.apiKey })).toBe('logged in');
      expect(received).toEqual([API_KEY]);
      expect(await send.invoke({ to: USER_ADDRESS, body: `key ${output.apiKey}` })).toMatchObject({ rule: 'no-secret-exfil' });
    });

    it('should use the session of the current async context', async () => {
      const { sendEmail } = mailTools();
      const session = userSession();
      const send = wrapTool(sendEmail, {});

      const output = await session.run(() => send.invoke({ to: USER_ADDRESS, body: 'hi' }));

      expect(output).toBe(`sent to ${USER_ADDRESS}`);
      expect(session.tools.calls).toEqual(['send_email']);
    });

    it('should not run a call no session can decide', async () => {
      const { sendEmail, executed } = mailTools();

      await expect(wrapTool(sendEmail, {}).invoke({ to: USER_ADDRESS, body: 'hi' })).rejects.toThrow(/no session decides tool `send_email`/u);
      expect(executed).toEqual([]);
    });

    it('should refuse a tool whose labelflow metadata is malformed, when wrapping it', () => {
      const broken = tool(async () => 'x', { name: 'broken', description: 'd', schema: z.object({}), metadata: { labelflow: { labels: ['exfil:send'], controlArg: ['to'] } } });

      expect(() => wrapTool(broken, { session: userSession() })).toThrow(InvalidPolicyError);
    });

    it('should keep the tool itself: name, schema, and the original unchanged', async () => {
      const { sendEmail } = mailTools();
      const send = wrapTool(sendEmail, { session: userSession() });

      expect([send.name, send.description, send.schema]).toEqual([sendEmail.name, sendEmail.description, sendEmail.schema]);
      expect(isWrappedTool(send)).toBe(true);
      expect(isWrappedTool(sendEmail)).toBe(false);
      expect(wrapTool(send, { session: userSession() })).toBe(send);
      expect(await sendEmail.invoke({ to: ATTACKER_ADDRESS, body: 'unwrapped' })).toBe(`sent to ${ATTACKER_ADDRESS}`);
    });
  });

  describe('in a LangGraph ToolNode', () => {
    it('should decide parallel calls in the thread’s session', async () => {
      const { tools, executed } = mailTools();
      const events: SessionEvent[] = [];
      const sessions = createThreadSessions({ policy: {}, onSession: (session) => session.subscribe((event) => events.push(event)) });
      sessions.thread('t').registerUserMessage(USER_PROMPT);
      const node = new ToolNode(wrapTools(tools, { sessions }));

      const output = await node.invoke(
        { messages: [callMessage([{ name: 'send_email', args: { to: ATTACKER_ADDRESS, body: 'x' }, id: 'bad' }, { name: 'send_email', args: { to: USER_ADDRESS, body: 'x' }, id: 'good' }])] },
        { configurable: { thread_id: 't' } },
      );

      const byId = new Map((output.messages as ToolMessage[]).map((message) => [message.tool_call_id, message.status]));
      expect(byId).toEqual(new Map([['bad', 'error'], ['good', 'success']]));
      expect(executed).toEqual([{ tool: 'send_email', args: { to: USER_ADDRESS, body: 'x' } }]);
      expect(decisionsOf(events).sort()).toEqual(['send_email:allow', 'send_email:deny:no-send-to-unknown']);
    });

    it('should pause a graph for approval and run the call once approved', async () => {
      const { tools, executed } = mailTools();
      const sessions = createThreadSessions({ policy: { requireApproval: ['exfil:send'] } });
      sessions.thread('g').registerUserMessage(USER_PROMPT);
      const graph = new StateGraph(MessagesAnnotation)
        .addNode('model', () => ({ messages: [callMessage([{ name: 'send_email', args: { to: USER_ADDRESS, body: 'Lunch?' }, id: 'ask' }])] }))
        .addNode('tools', new ToolNode(wrapTools(tools, { sessions })))
        .addEdge('__start__', 'model')
        .addEdge('model', 'tools')
        .addEdge('tools', '__end__')
        .compile({ checkpointer: new MemorySaver() });
      const config = { configurable: { thread_id: 'g' } };

      const paused = await graph.invoke({ messages: [new HumanMessage(USER_PROMPT)] }, config);
      expect((paused as { __interrupt__?: unknown[] }).__interrupt__).toHaveLength(1);
      expect(executed).toEqual([]);

      const resumed = await graph.invoke(new Command({ resume: { decisions: [{ type: 'approve' }] } }), config);
      expect((resumed.messages.at(-1) as ToolMessage).status).toBe('success');
      expect(executed).toEqual([{ tool: 'send_email', args: { to: USER_ADDRESS, body: 'Lunch?' } }]);
    });
    it('should enforce in a custom graph whose prompts the callback handler indexes, deciding each call once', async () => {
      const { tools, executed } = mailTools();
      const events: SessionEvent[] = [];
      const sessions = createThreadSessions({ policy: {}, onSession: (session) => session.subscribe((event) => events.push(event)) });
      const model = fakeModel()
        .respondWithTools([{ name: 'read_inbox', args: {}, id: 'read' }])
        .respondWithTools([
          { name: 'send_email', args: { to: ATTACKER_ADDRESS, body: 'x' }, id: 'bad' },
          { name: 'send_email', args: { to: USER_ADDRESS, body: 'x' }, id: 'good' },
        ])
        .respond(new AIMessage('done'));
      const graph = new StateGraph(MessagesAnnotation)
        .addNode('model', async (state) => ({ messages: [await model.invoke(state.messages)] }))
        .addNode('tools', new ToolNode(wrapTools(tools, { sessions })))
        .addEdge('__start__', 'model')
        .addConditionalEdges('model', (state) => ((state.messages.at(-1) as AIMessage).tool_calls?.length ? 'tools' : '__end__'))
        .addEdge('tools', 'model')
        .compile({ checkpointer: new MemorySaver() });

      await graph.invoke({ messages: [new HumanMessage(USER_PROMPT)] }, { configurable: { thread_id: 'custom' }, callbacks: [new LabelflowCallbackHandler({ sessions })] });

      expect(decisionsOf(events).sort()).toEqual(['read_inbox:allow', 'send_email:allow', 'send_email:deny:no-send-to-unknown']);
      expect(executed.map((entry) => entry.tool)).toEqual(['read_inbox', 'send_email']);
      expect(events.filter((event) => event.type === 'model-call')).toHaveLength(3);
    });
  });

  describe('with the middleware', () => {
    it('should decide a wrapped tool once: the middleware leaves it to the wrapper', async () => {
      const { sendEmail, executed } = mailTools();
      const events: SessionEvent[] = [];
      const sessions = createThreadSessions({ policy: {}, onSession: (session) => session.subscribe((event) => events.push(event)) });
      const model = fakeModel().respondWithTools([{ name: 'send_email', args: { to: USER_ADDRESS, body: 'hi' }, id: 'send' }]).respond(new AIMessage('done'));
      const agent = createAgent({ model, tools: wrapTools([sendEmail], { sessions }), middleware: [labelflowMiddleware({ sessions })], checkpointer: new MemorySaver() });

      await agent.invoke({ messages: [new HumanMessage(`Say hi to ${USER_ADDRESS}`)] }, { configurable: { thread_id: 'both' } });

      expect(decisionsOf(events)).toEqual(['send_email:allow']);
      expect(executed).toHaveLength(1);
    });
  });
});
