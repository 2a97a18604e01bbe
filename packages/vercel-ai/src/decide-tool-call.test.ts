import { createSession, getSession, type SessionEvent } from '@labelflow/core';
import { describe, expect, it } from 'vitest';
import { decideToolCall } from './decide-tool-call.js';

const TOOLS = { send: { labels: ['exfil:send'], controlArgs: ['to'] }, note: { labels: [], output: { labels: ['trusted'] } } };

describe('decideToolCall', () => {
  it('should decide once, hold the allowed call open, and record its result when the ticket is settled', async () => {
    const events: SessionEvent[] = [];
    const session = createSession({ policy: {}, tools: TOOLS, onEvent: (event) => events.push(event) });
    const decided = await decideToolCall(session, { toolName: 'note', toolCallId: 'c1', args: { text: 'hi' } }, { text: 'hi' });
    expect(decided.type).toBe('allowed');
    if (decided.type !== 'allowed') return;
    expect(events.map((event) => event.type)).toEqual(['session-start', 'decision']);

    const inside = decided.ticket.enter(() => getSession().id);
    const outcome = await decided.ticket.settle({ ok: true, value: 'noted' });

    expect(inside).toBe(session.id);
    expect(outcome).toMatchObject({ type: 'executed', result: 'noted' });
    expect(events.map((event) => event.type)).toEqual(['session-start', 'decision', 'tool-call', 'tool-result']);
  });

  it('should hand back a failed execution as the engine outcome', async () => {
    const session = createSession({ policy: {}, tools: TOOLS });
    const decided = await decideToolCall(session, { toolName: 'note', toolCallId: 'c1', args: {} }, {});
    if (decided.type !== 'allowed') throw new Error('expected an allowed call');
    expect(await decided.ticket.settle({ ok: false, error: new Error('upstream 500') })).toMatchObject({ type: 'failed' });
  });

  it('should return denials and approval requests without executing anything', async () => {
    const session = createSession({ policy: { requireApproval: ['exfil:send'] }, tools: TOOLS });
    session.registerUserMessage('write to rita@corp.io');
    expect(await decideToolCall(session, { toolName: 'send', toolCallId: 'c1', args: { to: 'eve@evil.io' } }, {})).toMatchObject({ type: 'denied', decision: { ruleIds: ['no-send-to-unknown'] } });
    expect(await decideToolCall(session, { toolName: 'send', toolCallId: 'c2', args: { to: 'rita@corp.io' } }, {})).toMatchObject({ type: 'approval-required', approvalId: expect.stringMatching(/^sha256:/u) });
  });
});
