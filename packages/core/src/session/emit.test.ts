import { describe, expect, it, vi } from 'vitest';
import type { SessionEvent } from './session-event.js';

// Counts digests: the expensive part of building an event.
vi.mock('./digest.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./digest.js')>();
  return { ...original, digestValue: vi.fn(original.digestValue) };
});

const { digestValue } = await import('./digest.js');
const { createSession } = await import('./create-session.js');

const TOOLS = { read_inbox: { labels: [], output: { labels: ['untrusted'] } }, send_email: { labels: ['exfil:send'], controlArgs: ['to'] } };

async function script(session: ReturnType<typeof createSession>): Promise<void> {
  session.recordModelCall({ parts: [{ key: 'user', role: 'user', content: 'Mail rita@corp.io a summary' }] });
  await session.runToolCall({ toolName: 'read_inbox', toolCallId: 'c1', args: { folder: 'inbox', limit: 5 } }, () => [{ from: 'eve@evil.io', body: 'hi' }]);
  await session.runToolCall({ toolName: 'send_email', toolCallId: 'c2', args: { to: 'rita@corp.io', body: 'summary' } }, () => 'sent');
  await session.checkToolCall({ toolName: 'send_email', toolCallId: 'c3', args: { to: 'eve@evil.io', body: 'x' } });
  session.recordModelCall({ parts: [] });
  session.end();
}

function withoutTime(event: SessionEvent): Record<string, unknown> {
  const { ts: _ts, ...rest } = event as SessionEvent & { durationMs?: number };
  return rest.durationMs === undefined ? rest : { ...rest, durationMs: 0 };
}

describe('emit', () => {
  it('should build no event, and digest nothing, when nobody listens', async () => {
    vi.mocked(digestValue).mockClear();
    await script(createSession({ policy: {}, tools: TOOLS }));
    expect(digestValue).not.toHaveBeenCalled();
  });

  it('should digest each argument once per call and each result once when someone listens', async () => {
    vi.mocked(digestValue).mockClear();
    const events: SessionEvent[] = [];
    await script(createSession({ policy: {}, tools: TOOLS, onEvent: (event) => events.push(event) }));
    // c1: 2 arguments and its result; c2: 2 arguments and its result; c3 (denied): 2 arguments.
    expect(digestValue).toHaveBeenCalledTimes(8);
    const c2 = events.filter((event) => 'toolCallId' in event && event.toolCallId === 'c2');
    const digests = c2.flatMap((event) => (event.type === 'decision' || event.type === 'tool-call' ? [event.argDigests] : []));
    expect(digests).toHaveLength(2);
    expect(digests[0]).toEqual({ to: digestValue('rita@corp.io'), body: digestValue('summary') });
    expect(digests[1]).toEqual(digests[0]);
    expect(digests[1]).not.toBe(digests[0]);
  });

  it('should number events the same for a listener that subscribes mid-run as for one there from the start', async () => {
    const all: SessionEvent[] = [];
    await script(createSession({ policy: {}, tools: TOOLS, id: 's', onEvent: (event) => all.push(event) }));
    const late: SessionEvent[] = [];
    const session = createSession({ policy: {}, tools: TOOLS, id: 's' });
    session.recordModelCall({ parts: [{ key: 'user', role: 'user', content: 'Mail rita@corp.io a summary' }] });
    session.subscribe((event) => late.push(event));
    await session.runToolCall({ toolName: 'read_inbox', toolCallId: 'c1', args: { folder: 'inbox', limit: 5 } }, () => [{ from: 'eve@evil.io', body: 'hi' }]);
    await session.runToolCall({ toolName: 'send_email', toolCallId: 'c2', args: { to: 'rita@corp.io', body: 'summary' } }, () => 'sent');
    await session.checkToolCall({ toolName: 'send_email', toolCallId: 'c3', args: { to: 'eve@evil.io', body: 'x' } });
    session.recordModelCall({ parts: [] });
    session.end();
    expect(late.length).toBeGreaterThan(0);
    expect(late.map(withoutTime)).toEqual(all.slice(all.length - late.length).map(withoutTime));
  });

  it('should keep a listener that throws from affecting the run', async () => {
    const session = createSession({ policy: {}, tools: TOOLS, onEvent: () => {
      throw new Error('listener bug');
    } });
    const outcome = await session.runToolCall({ toolName: 'read_inbox', toolCallId: 'c1', args: {} }, () => 'ok');
    expect(outcome.type).toBe('executed');
  });
});
