import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/session-event.js';
import { createOtelListener, type OtelApiLike, type OtelSpanLike } from './otel-listener.js';

const DECISION = {
  type: 'decision', sessionId: 's1', scope: [], seq: 3, ts: 1_000, toolCallId: 'c1', tool: 'send_email',
  decision: { type: 'deny', code: 'policy-denied', ruleIds: ['no-send-to-unknown'], reasons: ['r'] },
  argLabels: { to: ['untrusted'] }, argDigests: { to: 'sha256:x' }, argFragments: { to: [] }, controlArgs: ['to'], guards: [],
} as const satisfies SessionEvent;
const TOOL_CALL = { type: 'tool-call', sessionId: 's1', scope: [], seq: 4, ts: 2_000, toolCallId: 'c2', tool: 'read_inbox', status: 'ok', durationMs: 5, argDigests: {} } as const satisfies SessionEvent;

function fakeApi(active: boolean) {
  const events: { span: string; name: string; attributes: unknown; time: unknown }[] = [];
  const ended: string[] = [];
  const span = (name: string): OtelSpanLike => ({
    addEvent: (event, attributes, time) => events.push({ span: name, name: event, attributes, time }),
    end: () => ended.push(name),
  });
  const api: OtelApiLike = {
    trace: {
      getActiveSpan: () => (active ? span('active') : undefined),
      getTracer: () => ({ startSpan: (name) => span(name) }),
    },
  };
  return { api, events, ended };
}

describe('createOtelListener', () => {
  it('should add decisions and tool calls as events of the active span, with labels and never values', async () => {
    const { api, events } = fakeApi(true);
    const listener = createOtelListener({ load: async () => api });
    expect(await listener.ready).toBe(true);
    listener(DECISION);
    listener(TOOL_CALL);
    listener({ type: 'session-end', sessionId: 's1', scope: [], seq: 5, ts: 3_000 });
    expect(events).toEqual([
      { span: 'active', name: 'labelflow.decision', time: 1_000, attributes: expect.objectContaining({ 'labelflow.decision': 'deny', 'labelflow.rule_ids': ['no-send-to-unknown'], 'labelflow.arg.to.labels': ['untrusted'], 'labelflow.tool_call_id': 'c1' }) },
      { span: 'active', name: 'labelflow.tool_call', time: 2_000, attributes: expect.objectContaining({ 'labelflow.status': 'ok', 'labelflow.duration_ms': 5 }) },
    ]);
  });

  it('should start and end a short span of its own when none is active', async () => {
    const { api, events, ended } = fakeApi(false);
    const listener = createOtelListener({ load: async () => api });
    await listener.ready;
    listener(DECISION);
    expect(events[0]?.span).toBe('labelflow send_email');
    expect(ended).toEqual(['labelflow send_email']);
  });

  it('should do nothing, and never throw, without the API or with a broken tracer', async () => {
    const missing = createOtelListener({ load: () => Promise.reject(new Error('Cannot find module')) });
    expect(await missing.ready).toBe(false);
    expect(() => missing(DECISION)).not.toThrow();
    const broken = createOtelListener({ load: async () => ({ trace: { getActiveSpan: () => { throw new Error('x'); }, getTracer: () => { throw new Error('x'); } } }) });
    await broken.ready;
    expect(() => broken(DECISION)).not.toThrow();
  });

  it('should load the real @opentelemetry/api and be a no-op without an SDK', async () => {
    const listener = createOtelListener();
    expect(await listener.ready).toBe(true);
    expect(() => {
      listener(DECISION);
      listener(TOOL_CALL);
    }).not.toThrow();
  });
});
