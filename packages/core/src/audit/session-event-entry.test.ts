import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/session-event.js';
import { safeFragmentId, sessionEventEntry } from './session-event-entry.js';

const BASE = { sessionId: 's1', scope: [], seq: 7, ts: 1_700_000_000_000 };

describe('safeFragmentId', () => {
  it('should keep ids that name no content and digest the others', () => {
    expect(safeFragmentId('tool-result:call_2')).toBe('tool-result:call_2');
    expect(safeFragmentId('tool-result:call_2:untrusted')).toBe('tool-result:call_2:untrusted');
    expect(safeFragmentId('app:3')).toBe('app:3');
    expect(safeFragmentId('user:my password is hunter2')).toMatch(/^user#[0-9a-f]{16}$/u);
    expect(safeFragmentId('system:You are a bot')).toMatch(/^system#[0-9a-f]{16}$/u);
    expect(safeFragmentId('Weird Key: sk-live-123')).toMatch(/^fragment#[0-9a-f]{16}$/u);
  });
});

describe('sessionEventEntry', () => {
  it('should keep the allowed fields and the event sequence, scope and time', () => {
    const event = { ...BASE, type: 'tool-result', toolCallId: 'c1', tool: 'read_inbox', labels: ['untrusted'], taint: ['src:tool:read_inbox', 'untrusted'], digest: 'sha256:ab', redacted: 1 } as SessionEvent;
    expect(sessionEventEntry(event)).toEqual({
      type: 'tool-result', sessionId: 's1', ts: BASE.ts, scope: [], eventSeq: 7,
      toolCallId: 'c1', tool: 'read_inbox', labels: ['untrusted'], taint: ['src:tool:read_inbox', 'untrusted'], digest: 'sha256:ab', redacted: 1,
    });
  });

  it('should drop any field it does not know, so a new event field cannot carry a value into the ledger', () => {
    const event = { ...BASE, type: 'decision', toolCallId: 'c1', tool: 'send_email', decision: { type: 'deny', code: 'policy-denied', ruleIds: ['r'], reasons: ['x'] }, argLabels: {}, argDigests: {}, guards: [], args: { to: 'leak@example.com' } } as unknown as SessionEvent;
    const entry = sessionEventEntry(event);
    expect(entry).not.toHaveProperty('args');
    expect(JSON.stringify(entry)).not.toContain('leak@example.com');
    const unknown = sessionEventEntry({ ...BASE, type: 'future-event', secret: 'x' } as unknown as SessionEvent);
    expect(unknown).toEqual({ type: 'future-event', sessionId: 's1', ts: BASE.ts, scope: [], eventSeq: 7 });
  });

  it('should record argument fragments by safe id', () => {
    const event = { ...BASE, type: 'decision', toolCallId: 'c2', tool: 'send_email', decision: { type: 'allow', code: 'allowed', ruleIds: [], reasons: [] }, argLabels: { to: ['known'] }, argDigests: {}, guards: [], argFragments: { to: ['user:write to rita@corp.io', 'tool-result:c1'] } } as unknown as SessionEvent;
    const fragments = sessionEventEntry(event)['argFragments'] as Record<string, string[]>;
    expect(fragments['to']?.[1]).toBe('tool-result:c1');
    expect(fragments['to']?.[0]).toMatch(/^user#/u);
    expect(JSON.stringify(fragments)).not.toContain('rita');
  });
});
