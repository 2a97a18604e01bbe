import type { SessionEvent } from '@labelflow/core';
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { MemorySaver } from '@langchain/langgraph';
import { createAgent, fakeModel } from 'langchain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createThreadSessions, type SessionInfo } from './create-thread-sessions.js';
import { labelflowMiddleware } from './labelflow-middleware.js';
import { decisionsOf, mailTools, USER_ADDRESS } from './test-support/mail-tools.js';

function statuses(messages: readonly BaseMessage[]): Record<string, string | undefined> {
  return Object.fromEntries(messages.filter((message): message is ToolMessage => ToolMessage.isInstance(message)).map((message) => [message.tool_call_id, message.status]));
}

function lastHuman(messages: readonly BaseMessage[]): string {
  return String([...messages].reverse().find((message) => HumanMessage.isInstance(message))?.content ?? '');
}

/** A scripted model: after each user turn, mails every address the script names, then says done. */
function mailingModel(script: (prompt: string) => { to: string; id: string }[]) {
  let turn = 0;
  const step = (messages: BaseMessage[]) => {
    if (!HumanMessage.isInstance(messages.at(-1))) return new AIMessage('done');
    turn += 1;
    const calls = script(lastHuman(messages)).map(({ to, id }) => ({ name: 'send_email', args: { to, body: 'hello' }, id: `${id}-${turn}`, type: 'tool_call' as const }));
    return new AIMessage({ content: '', tool_calls: calls });
  };
  return fakeModel().respond(step).respond(step).respond(step).respond(step).respond(step).respond(step).respond(step).respond(step);
}

describe('createThreadSessions', () => {
  describe('threads', () => {
    it('should never share labels between two threads, and keep them when a thread is resumed', async () => {
      const infos: SessionInfo[] = [];
      const sessions = createThreadSessions({ policy: {}, onSession: (_session, info) => infos.push(info) });
      const model = mailingModel(() => [{ to: USER_ADDRESS, id: 'rita' }]);
      const agent = createAgent({ model, tools: mailTools().tools, middleware: [labelflowMiddleware({ sessions })], checkpointer: new MemorySaver() });
      const threadA = { configurable: { thread_id: 'a' } };
      const threadB = { configurable: { thread_id: 'b' } };

      const a1 = await agent.invoke({ messages: [new HumanMessage(`Say hello to ${USER_ADDRESS}`)] }, threadA);
      const b1 = await agent.invoke({ messages: [new HumanMessage('Say hello to my colleague')] }, threadB);
      const a2 = await agent.invoke({ messages: [new HumanMessage('Say hello again')] }, threadA);

      expect(statuses(a1.messages)).toEqual({ 'rita-1': 'success' });
      // Thread b never saw the address: it is the model's guess there.
      expect(statuses(b1.messages)).toEqual({ 'rita-2': 'error' });
      // Thread a, resumed, still knows the user named it.
      expect(statuses(a2.messages)['rita-3']).toBe('success');
      expect(infos).toEqual([
        { type: 'thread', threadId: 'a' },
        { type: 'thread', threadId: 'b' },
      ]);
      expect(sessions.get('a')).not.toBe(sessions.get('b'));
    });

    it('should start a deleted thread afresh from what its checkpoint holds', async () => {
      const events: SessionEvent[] = [];
      const sessions = createThreadSessions({ policy: {}, onSession: (session) => session.subscribe((event) => events.push(event)) });
      const agent = createAgent({ model: mailingModel(() => [{ to: USER_ADDRESS, id: 'rita' }]), tools: mailTools().tools, middleware: [labelflowMiddleware({ sessions })], checkpointer: new MemorySaver() });
      const thread = { configurable: { thread_id: 'gone' } };
      await agent.invoke({ messages: [new HumanMessage(`Say hello to ${USER_ADDRESS}`)] }, thread);
      const before = sessions.get('gone');

      expect(sessions.delete('gone')).toBe(true);
      const again = await agent.invoke({ messages: [new HumanMessage('Say hello again')] }, thread);

      expect(events.filter((event) => event.type === 'session-end')).toHaveLength(1);
      expect(sessions.get('gone')).not.toBe(before);
      // The new session indexes the whole checkpointed conversation once, the user's earlier message included.
      expect(statuses(again.messages)['rita-2']).toBe('success');
    });
  });

  describe('invocations without a thread', () => {
    it('should give concurrent invocations separate sessions, each ended when it finishes', async () => {
      const events: SessionEvent[] = [];
      const infos: SessionInfo[] = [];
      const sessions = createThreadSessions({
        policy: {},
        onSession: (session, info) => {
          infos.push(info);
          session.subscribe((event) => events.push(event));
        },
      });
      const own = (prompt: string) => (prompt.includes('ann@corp.io') ? 'ann@corp.io' : 'bob@corp.io');
      const other = (prompt: string) => (prompt.includes('ann@corp.io') ? 'bob@corp.io' : 'ann@corp.io');
      const model = mailingModel((prompt) => [
        { to: own(prompt), id: `own-${own(prompt)}` },
        { to: other(prompt), id: `other-${other(prompt)}` },
      ]);
      const slowSend = tool(
        async ({ to }) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return `sent to ${to}`;
        },
        { name: 'send_email', description: 'send', schema: z.object({ to: z.string(), body: z.string() }), metadata: { labelflow: { labels: ['exfil:send'], controlArgs: ['to'] } } },
      );
      const agent = createAgent({ model, tools: [slowSend], middleware: [labelflowMiddleware({ sessions })] });

      const [ann, bob] = await Promise.all([
        agent.invoke({ messages: [new HumanMessage('Say hello to ann@corp.io')] }),
        agent.invoke({ messages: [new HumanMessage('Say hello to bob@corp.io')] }),
      ]);

      const pick = (messages: readonly BaseMessage[], prefix: string) => Object.entries(statuses(messages)).filter(([id]) => id.startsWith(prefix)).map(([, status]) => status);
      expect([pick(ann.messages, 'own'), pick(ann.messages, 'other')]).toEqual([['success'], ['error']]);
      expect([pick(bob.messages, 'own'), pick(bob.messages, 'other')]).toEqual([['success'], ['error']]);
      expect(infos.map((info) => info.type)).toEqual(['run', 'run']);
      expect(new Set(events.map((event) => event.sessionId)).size).toBe(2);
      expect(events.filter((event) => event.type === 'session-end')).toHaveLength(2);
    });

    it('should keep an agent nested in a tool out of the parent thread', async () => {
      const infos: SessionInfo[] = [];
      const sessions = createThreadSessions({ policy: {}, onSession: (_session, info) => infos.push(info) });
      const middleware = labelflowMiddleware({ sessions });
      const inner = createAgent({ model: fakeModel().respond(new AIMessage('noted')), tools: [], middleware: [middleware] });
      const delegate = tool(
        async ({ task }) => {
          const result = await inner.invoke({ messages: [new HumanMessage(task)] });
          return String(result.messages.at(-1)?.content);
        },
        { name: 'delegate', description: 'hands a task to a helper agent', schema: z.object({ task: z.string() }), metadata: { labelflow: { labels: [] } } },
      );
      const model = fakeModel()
        .respondWithTools([{ name: 'delegate', args: { task: 'Remember zed@elsewhere.io' }, id: 'delegate' }])
        .respondWithTools([{ name: 'send_email', args: { to: 'zed@elsewhere.io', body: 'hi' }, id: 'send' }])
        .respond(new AIMessage('done'));
      const events: SessionEvent[] = [];
      const agent = createAgent({ model, tools: [delegate, ...mailTools().tools.filter((entry) => entry.name === 'send_email')], middleware: [middleware], checkpointer: new MemorySaver() });
      sessions.thread('parent').subscribe((event) => events.push(event));

      const result = await agent.invoke({ messages: [new HumanMessage('Do the chores')] }, { configurable: { thread_id: 'parent' } });

      expect(infos.map((info) => info.type)).toEqual(['thread', 'run']);
      // The helper's prompt was written by the parent's model: in the parent it is no user input.
      expect(statuses(result.messages)).toEqual({ delegate: 'success', send: 'error' });
      expect(decisionsOf(events)).toEqual(['delegate:allow', 'send_email:deny:no-send-to-unknown']);
    });
  });
});
