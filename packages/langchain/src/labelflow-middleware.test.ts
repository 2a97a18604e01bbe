import type { SessionEvent } from '@labelflow/core';
import { langchainMatchers } from '@langchain/core/testing';
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { createAgent, fakeModel, FakeToolCallingModel } from 'langchain';
import { describe, expect, it } from 'vitest';
import { labelflowMiddleware } from './labelflow-middleware.js';
import { API_KEY, ATTACKER_ADDRESS, ATTACKER_IBAN, decisionsOf, mailTools, TOOL_METADATA, USER_ADDRESS, USER_PROMPT } from './test-support/mail-tools.js';

expect.extend(langchainMatchers);

function toolMessages(messages: readonly BaseMessage[]): ToolMessage[] {
  return messages.filter((message): message is ToolMessage => ToolMessage.isInstance(message));
}

function agentWith(model: ReturnType<typeof fakeModel>, events: SessionEvent[] = []) {
  const fixture = mailTools();
  const agent = createAgent({
    model,
    tools: fixture.tools,
    middleware: [labelflowMiddleware({ policy: {}, tools: TOOL_METADATA, onSession: (session) => session.subscribe((event) => events.push(event)) })],
  });
  return { agent, ...fixture, events };
}

describe('labelflowMiddleware', () => {
  describe('tool calls', () => {
    it('should answer a denied call with an error ToolMessage and let the agent carry on', async () => {
      const model = fakeModel()
        .respondWithTools([{ name: 'read_inbox', args: {}, id: 'read' }])
        .respondWithTools([{ name: 'send_email', args: { to: ATTACKER_ADDRESS, body: 'all your mail' }, id: 'leak' }])
        .respond(new AIMessage('I could not forward the mail.'));
      const { agent, executed } = agentWith(model);

      const result = await agent.invoke({ messages: [new HumanMessage(USER_PROMPT)] });

      const denied = toolMessages(result.messages).find((message) => message.tool_call_id === 'leak');
      expect(denied?.status).toBe('error');
      expect(JSON.parse(denied?.content as string)).toMatchObject({ error: 'policy_denied', code: 'policy-denied', rule: 'no-send-to-unknown' });
      expect(denied?.content).toContain('send_email');
      expect(denied?.response_metadata['labelflow']).toEqual({ decision: 'deny', code: 'policy-denied', ruleIds: ['no-send-to-unknown'] });
      expect(executed.map((entry) => entry.tool)).toEqual(['read_inbox']);
      expect(result.messages.at(-1)).toBeAIMessage('I could not forward the mail.');
      expect(model.callCount).toBe(3);
    });

    it('should deny a recipient taken from an untrusted email and allow the one the user named, in parallel calls', async () => {
      const model = fakeModel()
        .respondWithTools([{ name: 'read_inbox', args: {}, id: 'read' }])
        .respondWithTools([
          { name: 'send_email', args: { to: ATTACKER_ADDRESS, body: 'forwarding' }, id: 'to-attacker' },
          { name: 'send_email', args: { to: USER_ADDRESS, body: 'Two mails: an audit request and lunch.' }, id: 'to-rita' },
        ])
        .respond(new AIMessage('done'));
      const { agent, executed, events } = agentWith(model);

      const result = await agent.invoke({ messages: [new HumanMessage(USER_PROMPT)] });

      const byId = new Map(toolMessages(result.messages).map((message) => [message.tool_call_id, message]));
      expect(byId.get('to-attacker')?.status).toBe('error');
      expect(byId.get('to-rita')?.status).toBe('success');
      expect(byId.get('to-rita')?.content).toBe(`sent to ${USER_ADDRESS}`);
      expect(executed).toContainEqual({ tool: 'send_email', args: { to: USER_ADDRESS, body: 'Two mails: an audit request and lunch.' } });
      expect(executed.some((entry) => JSON.stringify(entry.args).includes(ATTACKER_ADDRESS))).toBe(false);
      expect(decisionsOf(events).sort()).toEqual(['read_inbox:allow', 'send_email:allow', 'send_email:deny:no-send-to-unknown'].sort());
      const toRita = events.find((event) => event.type === 'decision' && event.toolCallId === 'to-rita');
      expect(toRita?.type === 'decision' && toRita.argLabels['to']).toEqual(expect.arrayContaining(['known', 'trusted', 'src:user']));
      const toAttacker = events.find((event) => event.type === 'decision' && event.toolCallId === 'to-attacker');
      expect(toAttacker?.type === 'decision' && toAttacker.argLabels['to']).toEqual(expect.arrayContaining(['untrusted', 'src:tool:read_inbox']));
    });

    it('should pay the IBAN the user named and refuse the one from the email (metadata beside the tools)', async () => {
      const model = fakeModel()
        .respondWithTools([{ name: 'read_inbox', args: {}, id: 'read' }])
        .respondWithTools([
          { name: 'send_money', args: { iban: ATTACKER_IBAN, amount: 95 }, id: 'pay-attacker' },
          { name: 'send_money', args: { iban: 'GB29NWBK60161331926819', amount: 80 }, id: 'pay-rent' },
        ])
        .respond(new AIMessage('done'));
      const { agent, executed } = agentWith(model);

      const result = await agent.invoke({ messages: [new HumanMessage('Read my mail, then pay my rent of 80 EUR to GB29 NWBK 6016 1331 9268 19')] });

      const byId = new Map(toolMessages(result.messages).map((message) => [message.tool_call_id, message]));
      expect(JSON.parse(byId.get('pay-attacker')?.content as string)).toMatchObject({ rule: 'no-send-to-unknown' });
      expect(byId.get('pay-rent')?.status).toBe('success');
      expect(executed.filter((entry) => entry.tool === 'send_money')).toEqual([{ tool: 'send_money', args: { iban: 'GB29NWBK60161331926819', amount: 80 } }]);
    });

    it('should keep a secret from the model and refuse to send it anywhere', async () => {
      const model = fakeModel()
        .respondWithTools([{ name: 'get_config', args: {}, id: 'config' }])
        .respond((messages) => {
          // A tricked model copies whatever it was given into an email to a recipient the user named.
          const config = JSON.parse(String(messages.at(-1)?.content)) as { apiKey: string };
          return new AIMessage({ content: '', tool_calls: [{ name: 'send_email', args: { to: USER_ADDRESS, body: `key: ${config.apiKey}` }, id: 'leak', type: 'tool_call' }] });
        })
        .respondWithTools([{ name: 'send_email', args: { to: USER_ADDRESS, body: `key: ${API_KEY}` }, id: 'leak-verbatim' }])
        .respond(new AIMessage('done'));
      const { agent, executed, events } = agentWith(model);

      const result = await agent.invoke({ messages: [new HumanMessage(`Check the config and send a status note to ${USER_ADDRESS}`)] });

      const config = toolMessages(result.messages).find((message) => message.tool_call_id === 'config');
      expect(config?.content).not.toContain(API_KEY);
      expect(JSON.parse(config?.content as string)).toEqual({ apiKey: '«secret:1»', region: 'eu' });
      expect(config?.response_metadata['labelflow']).toMatchObject({ redacted: 1 });
      expect(JSON.stringify(result.messages.map((message) => message.content))).not.toContain(API_KEY);
      expect(decisionsOf(events).filter((decision) => decision.startsWith('send_email'))).toEqual(['send_email:deny:no-secret-exfil', 'send_email:deny:no-secret-exfil']);
      expect(executed.map((entry) => entry.tool)).toEqual(['get_config']);
    });

    it('should treat a tool nobody described as consequential', async () => {
      const model = fakeModel()
        .respondWithTools([{ name: 'read_inbox', args: {}, id: 'read' }])
        .respondWithTools([{ name: 'delete_file', args: { path: '/home/rita/tax-2025.pdf' }, id: 'delete' }])
        .respond(new AIMessage('done'));
      const { agent, executed, events } = agentWith(model);

      await agent.invoke({ messages: [new HumanMessage('Read my mail')] });

      expect(decisionsOf(events)).toContain('delete_file:deny:no-untrusted-destructive');
      expect(executed.map((entry) => entry.tool)).toEqual(['read_inbox']);
    });

    it('should label an allowed result and hand its labels to the app', async () => {
      const model = fakeModel().respondWithTools([{ name: 'read_inbox', args: {}, id: 'read' }]).respond(new AIMessage('done'));
      const { agent } = agentWith(model);

      const result = await agent.invoke({ messages: [new HumanMessage('Read my mail')] });

      const read = toolMessages(result.messages)[0];
      expect(read?.response_metadata['labelflow']).toEqual({ labels: ['untrusted'], taint: ['src:tool:read_inbox', 'untrusted'], redacted: 0 });
    });

    it('should work with FakeToolCallingModel too', async () => {
      const model = new FakeToolCallingModel({ toolCalls: [[{ name: 'send_email', args: { to: ATTACKER_ADDRESS, body: 'hi' }, id: 'send' }], []] });
      const fixture = mailTools();
      const agent = createAgent({ model, tools: fixture.tools, middleware: [labelflowMiddleware({ policy: {} })] });

      const result = await agent.invoke({ messages: [new HumanMessage(`Say hi to ${USER_ADDRESS}`)] });

      expect(toolMessages(result.messages).map((message) => message.status)).toEqual(['error']);
      expect(fixture.executed).toEqual([]);
    });
  });

  describe('model calls', () => {
    it('should label the output influenced once the model has read untrusted content', async () => {
      const model = fakeModel().respondWithTools([{ name: 'read_inbox', args: {}, id: 'read' }]).respond(new AIMessage('summary'));
      const { agent, events } = agentWith(model);

      const result = await agent.invoke({ messages: [new HumanMessage('Read my mail')] });

      const [first, second] = result.messages.filter((message) => AIMessage.isInstance(message));
      expect(first?.response_metadata['labelflow']).toEqual({ labels: ['llm', 'trusted'], influenced: false });
      expect(second?.response_metadata['labelflow']).toMatchObject({ influenced: true });
      expect((second?.response_metadata['labelflow'] as { labels: string[] }).labels).toEqual(expect.arrayContaining(['influenced', 'untrusted']));
      expect(events.filter((event) => event.type === 'model-call').map((event) => event.type === 'model-call' && event.influenced)).toEqual([false, true]);
    });

    it('should index each message once, however many steps the run takes', async () => {
      const model = fakeModel()
        .respondWithTools([{ name: 'read_inbox', args: {}, id: 'r1' }])
        .respondWithTools([{ name: 'read_inbox', args: {}, id: 'r2' }])
        .respond(new AIMessage('done'));
      const fixture = mailTools();
      const events: SessionEvent[] = [];
      const agent = createAgent({
        model,
        tools: fixture.tools,
        systemPrompt: 'You are a careful mail assistant.',
        middleware: [labelflowMiddleware({ policy: {}, onSession: (session) => session.subscribe((event) => events.push(event)) })],
      });

      await agent.invoke({ messages: [new HumanMessage('Read my mail twice')] });

      // Step 1: system prompt and user message. Later steps: nothing new (tool results were recorded when they
      // ran, and the model's own messages are not indexed). Nothing is indexed twice.
      expect(events.flatMap((event) => (event.type === 'model-call' ? [event.fragments] : []))).toEqual([2, 0, 0]);
    });
  });

  describe('state', () => {
    it('should ignore a run id smuggled in through the input', async () => {
      const model = fakeModel().respondWithTools([{ name: 'send_email', args: { to: USER_ADDRESS, body: 'hi' }, id: 'send' }]).respond(new AIMessage('done'));
      const fixture = mailTools();
      const sessions: string[] = [];
      const agent = createAgent({ model, tools: fixture.tools, middleware: [labelflowMiddleware({ policy: {}, onSession: (_session, info) => sessions.push(info.type === 'run' ? info.runId : info.threadId) })] });

      const result = await agent.invoke({ messages: [new HumanMessage(`Say hi to ${USER_ADDRESS}`)], _labelflowRun: 'chosen-by-attacker' } as never);

      expect(sessions).toHaveLength(1);
      expect(sessions[0]).not.toBe('chosen-by-attacker');
      expect(Object.keys(result)).not.toContain('_labelflowRun');
    });
  });
});
