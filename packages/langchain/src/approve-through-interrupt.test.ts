import type { SessionEvent } from '@labelflow/core';
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { langchainMatchers } from '@langchain/core/testing';
import { Command, MemorySaver } from '@langchain/langgraph';
import { createAgent, fakeModel } from 'langchain';
import { describe, expect, it } from 'vitest';
import type { ApprovalInterrupt } from './approval-interrupt.js';
import { createThreadSessions } from './create-thread-sessions.js';
import { labelflowMiddleware } from './labelflow-middleware.js';
import { decisionsOf, mailTools, USER_ADDRESS } from './test-support/mail-tools.js';

expect.extend(langchainMatchers);

const POLICY = { requireApproval: ['exfil:send'] };
const PROMPT = `Ask ${USER_ADDRESS} about lunch`;
const APPROVE = { decisions: [{ type: 'approve' }] };

function toolMessages(messages: readonly BaseMessage[]): ToolMessage[] {
  return messages.filter((message): message is ToolMessage => ToolMessage.isInstance(message));
}

function interruptsOf(result: unknown): { id: string; value: ApprovalInterrupt }[] {
  return ((result as { __interrupt__?: { id: string; value: ApprovalInterrupt }[] }).__interrupt__ ?? []);
}

function setup(sendCalls: { to: string; body: string; id: string }[], options: { checkpointer?: boolean; onApproval?: () => boolean } = {}) {
  const fixture = mailTools();
  const events: SessionEvent[] = [];
  const sessions = createThreadSessions({
    policy: POLICY,
    ...(options.onApproval === undefined ? {} : { onApproval: options.onApproval }),
    onSession: (session) => session.subscribe((event) => events.push(event)),
  });
  const model = fakeModel()
    .respondWithTools(sendCalls.map(({ id, ...args }) => ({ name: 'send_email', args, id })))
    .respond(new AIMessage('done'));
  const agent = createAgent({
    model,
    tools: fixture.tools,
    middleware: [labelflowMiddleware({ sessions })],
    ...(options.checkpointer === false ? {} : { checkpointer: new MemorySaver() }),
  });
  return { agent, sessions, events, ...fixture };
}

describe('approvals', () => {
  describe('through LangGraph interrupt', () => {
    it('should pause the graph with a HITL request and run the call once approved', async () => {
      const { agent, executed, events } = setup([{ to: USER_ADDRESS, body: 'Lunch at 12?', id: 'ask' }]);
      const config = { configurable: { thread_id: 'approve' } };

      const paused = await agent.invoke({ messages: [new HumanMessage(PROMPT)] }, config);

      expect(paused).toHaveBeenInterrupted();
      const [request] = interruptsOf(paused);
      expect(request?.value.actionRequests).toEqual([{ name: 'send_email', args: { to: USER_ADDRESS, body: 'Lunch at 12?' }, description: expect.stringContaining('needs approval') }]);
      expect(request?.value.reviewConfigs).toEqual([{ actionName: 'send_email', allowedDecisions: ['approve', 'reject'] }]);
      expect(request?.value.labelflow).toMatchObject({ toolCallId: 'ask', approvalId: expect.stringMatching(/^sha256:/u) });
      expect(request?.value.labelflow.argLabels['to']).toEqual(expect.arrayContaining(['known']));
      expect(executed).toEqual([]);

      const resumed = await agent.invoke(new Command({ resume: APPROVE }), config);

      expect(toolMessages(resumed.messages).map((message) => [message.status, message.content])).toEqual([['success', `sent to ${USER_ADDRESS}`]]);
      expect(executed).toEqual([{ tool: 'send_email', args: { to: USER_ADDRESS, body: 'Lunch at 12?' } }]);
      expect(resumed.messages.at(-1)).toBeAIMessage('done');
      // The call is decided again when LangGraph re-runs the node; the approval is bound to that exact call.
      expect(decisionsOf(events)).toEqual(['send_email:require-approval:requireApproval', 'send_email:require-approval:requireApproval', 'send_email:allow']);
      expect(events.filter((event) => event.type === 'approval')).toEqual([expect.objectContaining({ approved: true, by: 'grant', toolCallId: 'ask', approvalId: request?.value.labelflow.approvalId })]);
    });

    it('should refuse the call when the person rejects it, and pass their message to the model', async () => {
      const { agent, executed } = setup([{ to: USER_ADDRESS, body: 'Lunch at 12?', id: 'ask' }]);
      const config = { configurable: { thread_id: 'reject' } };
      await agent.invoke({ messages: [new HumanMessage(PROMPT)] }, config);

      const resumed = await agent.invoke(new Command({ resume: { decisions: [{ type: 'reject', message: 'not today' }] } }), config);

      const [refused] = toolMessages(resumed.messages);
      expect(refused?.status).toBe('error');
      expect(JSON.parse(refused?.content as string)).toMatchObject({ code: 'approval-denied', rule: 'approval', note: 'not today' });
      expect(executed).toEqual([]);
      expect(resumed.messages.at(-1)).toBeAIMessage('done');
    });

    it('should refuse on an answer it cannot read', async () => {
      const { agent, executed } = setup([{ to: USER_ADDRESS, body: 'Lunch at 12?', id: 'ask' }]);
      const config = { configurable: { thread_id: 'garbled' } };
      await agent.invoke({ messages: [new HumanMessage(PROMPT)] }, config);

      const resumed = await agent.invoke(new Command({ resume: 'yes please' }), config);

      expect(JSON.parse(toolMessages(resumed.messages)[0]?.content as string)).toMatchObject({ code: 'approval-denied' });
      expect(executed).toEqual([]);
    });

    it('should ask about each of several parallel calls and run only the approved one', async () => {
      const { agent, executed } = setup([
        { to: USER_ADDRESS, body: 'Lunch at 12?', id: 'first' },
        { to: USER_ADDRESS, body: 'Or at 1?', id: 'second' },
      ]);
      const config = { configurable: { thread_id: 'parallel' } };

      const paused = await agent.invoke({ messages: [new HumanMessage(PROMPT)] }, config);
      const interrupts = interruptsOf(paused);
      expect(interrupts.map((entry) => entry.value.labelflow.toolCallId).sort()).toEqual(['first', 'second']);

      const answers = Object.fromEntries(interrupts.map((entry) => [entry.id, entry.value.labelflow.toolCallId === 'first' ? APPROVE : { decisions: [{ type: 'reject' }] }]));
      const resumed = await agent.invoke(new Command({ resume: answers }), config);

      const byId = new Map(toolMessages(resumed.messages).map((message) => [message.tool_call_id, message.status]));
      expect(byId).toEqual(new Map([['first', 'success'], ['second', 'error']]));
      expect(executed).toEqual([{ tool: 'send_email', args: { to: USER_ADDRESS, body: 'Lunch at 12?' } }]);
    });

    it('should ask again when the labels of the call changed while it waited, and bind the answer to the new labels', async () => {
      const { agent, executed, sessions } = setup([{ to: USER_ADDRESS, body: 'Lunch at 12?', id: 'ask' }]);
      const config = { configurable: { thread_id: 'relabelled' } };
      const first = interruptsOf(await agent.invoke({ messages: [new HumanMessage(PROMPT)] }, config));

      // While the person looks at the request, the app learns the body is personal data.
      sessions.get('relabelled')?.label('Lunch at 12?', ['pii']);
      const again = await agent.invoke(new Command({ resume: APPROVE }), config);

      expect(again).toHaveBeenInterrupted();
      const second = interruptsOf(again);
      expect(second[0]?.value.labelflow.approvalId).not.toBe(first[0]?.value.labelflow.approvalId);
      expect(second[0]?.value.labelflow.argLabels['body']).toEqual(expect.arrayContaining(['pii']));
      expect(executed).toEqual([]);

      await agent.invoke(new Command({ resume: { [second[0]?.id ?? '']: APPROVE } }), config);
      expect(executed).toEqual([{ tool: 'send_email', args: { to: USER_ADDRESS, body: 'Lunch at 12?' } }]);
    });

    it('should not run an approved call that the policy now denies', async () => {
      const { agent, executed, sessions } = setup([{ to: USER_ADDRESS, body: 'code 7781-2231', id: 'ask' }]);
      const config = { configurable: { thread_id: 'now-secret' } };
      await agent.invoke({ messages: [new HumanMessage(PROMPT)] }, config);

      sessions.get('now-secret')?.secret('7781-2231');
      const resumed = await agent.invoke(new Command({ resume: APPROVE }), config);

      expect(JSON.parse(toolMessages(resumed.messages)[0]?.content as string)).toMatchObject({ rule: 'no-secret-exfil' });
      expect(executed).toEqual([]);
    });

    it('should refuse, readably, when the graph has no checkpointer to pause with', async () => {
      const { agent, executed } = setup([{ to: USER_ADDRESS, body: 'Lunch at 12?', id: 'ask' }], { checkpointer: false });

      const result = await agent.invoke({ messages: [new HumanMessage(PROMPT)] });

      const [refused] = toolMessages(result.messages);
      expect(refused?.status).toBe('error');
      expect(JSON.parse(refused?.content as string)).toMatchObject({ code: 'approval-required', note: expect.stringContaining('checkpointer') });
      expect(executed).toEqual([]);
      expect(result.messages.at(-1)).toBeAIMessage('done');
    });
  });

  describe('through onApproval', () => {
    it.each([
      [true, 'success'],
      [false, 'error'],
    ])('should ask onApproval and, when it answers %s, give a %s ToolMessage', async (answer, status) => {
      const asked: string[] = [];
      const { agent, executed, events } = setup([{ to: USER_ADDRESS, body: 'Lunch at 12?', id: 'ask' }], {
        checkpointer: false,
        onApproval: () => {
          asked.push('send_email');
          return answer;
        },
      });

      const result = await agent.invoke({ messages: [new HumanMessage(PROMPT)] });

      expect(asked).toEqual(['send_email']);
      expect(toolMessages(result.messages).map((message) => message.status)).toEqual([status]);
      expect(executed).toHaveLength(answer ? 1 : 0);
      expect(events.filter((event) => event.type === 'approval')).toEqual([expect.objectContaining({ approved: answer, by: 'callback' })]);
    });
  });
});
