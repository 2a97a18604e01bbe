import type { SessionEvent } from '@labelflow/core';
import { describe, expect, it } from 'vitest';
import { checkExpected, diffTraces, normaliseSeen, traceOf } from './compare-paths.js';
import { canonicalFragmentId, normaliseEvents } from './normalise-events.js';
import type { ParityScenario, PathRun } from './parity-types.js';

const base = { sessionId: 's-1', scope: [] as string[], ts: 1 };
const decision = (seq: number, toolCallId: string, type: 'allow' | 'deny' | 'require-approval', ruleIds: string[] = []): SessionEvent =>
  ({
    ...base,
    seq,
    type: 'decision',
    toolCallId,
    tool: 'send_email',
    decision: { type, code: type === 'allow' ? 'allowed' : type === 'deny' ? 'policy-denied' : 'approval-required', ruleIds, reasons: [] },
    argLabels: { to: ['trusted', 'known', 'src:user'] },
    argDigests: { to: 'sha256:x' },
    argFragments: { to: ['user:Email Bob'] },
    controlArgs: ['to'],
    guards: [],
  }) as unknown as SessionEvent;
const toolCall = (seq: number, toolCallId: string): SessionEvent => ({ ...base, seq, type: 'tool-call', toolCallId, tool: 'send_email', status: 'ok', durationMs: seq * 3, argDigests: {} });
const modelCall = (seq: number): SessionEvent => ({ ...base, seq, type: 'model-call', fragments: 0, contextLabels: ['untrusted', 'trusted'], influenced: false });

const SCENARIO: ParityScenario = {
  id: 'demo',
  title: 'demo',
  prompt: 'Email Bob',
  tools: [],
  policy: {},
  turns: [{ calls: [{ id: 'a', tool: 'send_email', args: {} }, { id: 'b', tool: 'send_email', args: {} }] }, { text: 'done' }],
  expected: { a: { outcome: 'executed' }, b: { outcome: 'denied', ruleIds: ['no-send-to-unknown'] } },
};

function run(path: PathRun['path'], events: SessionEvent[], bRule = 'no-send-to-unknown'): PathRun {
  return {
    path,
    events,
    seen: new Map([
      ['a', { type: 'result', value: '{"status":"sent"}' }],
      ['b', { type: 'denied', reason: `denied (rule ${bRule})` }],
    ]),
    finalText: 'done',
  };
}

describe('normaliseEvents', () => {
  it('should drop identity, time and lifecycle events, sort labels and name message fragments by role', () => {
    const events = normaliseEvents([{ ...base, seq: 0, type: 'session-start', layers: 1 }, modelCall(1), toolCall(2, 'a'), { ...base, seq: 3, type: 'session-end' }], { callOrder: () => 0 });
    expect(events).toEqual([
      { type: 'model-call', fragments: 0, contextLabels: ['trusted', 'untrusted'], influenced: false, scope: [] },
      { type: 'tool-call', toolCallId: 'a', tool: 'send_email', status: 'ok', argDigests: {}, scope: [] },
    ]);
    expect(canonicalFragmentId('human:3f2a')).toBe('user-message');
    expect(canonicalFragmentId('user:Email Bob')).toBe('user-message');
    expect(canonicalFragmentId('tool-result:c1:untrusted')).toBe('tool-result:c1:untrusted');
  });

  it('should order the events of one model step by call, and keep a resumed require-approval once', () => {
    const order = (id: string) => (id === 'a' ? 0 : 1);
    // The SDK decides both calls, then runs them; a resumed approval decides `b` again before the grant.
    const events = normaliseEvents([modelCall(0), decision(1, 'a', 'allow'), decision(2, 'b', 'require-approval'), decision(3, 'b', 'require-approval'), toolCall(4, 'a'), modelCall(5)], { callOrder: order });
    expect(events.map((event) => `${event.type}:${String(event['toolCallId'] ?? '')}`)).toEqual(['model-call:', 'decision:a', 'tool-call:a', 'decision:b', 'model-call:']);
    expect(events[1]?.['argFragments']).toEqual({ to: ['user-message'] });
  });
});

describe('normaliseSeen', () => {
  it('should read JSON text as data, an engine denial shown as a result as the denial, and MCP results as text', () => {
    expect(normaliseSeen({ type: 'result', value: '{"a":1}' }, { mcp: false })).toEqual({ result: { a: 1 } });
    expect(normaliseSeen({ type: 'result', value: { error: 'policy_denied', code: 'guard-denied', rule: 'guard:g', reason: 'no' } }, { mcp: false })).toEqual({ denied: 'no' });
    expect(normaliseSeen({ type: 'result', value: { content: [{ type: 'text', text: 'issue 12' }] } }, { mcp: true })).toEqual({ result: 'issue 12' });
    expect(normaliseSeen({ type: 'error', message: 'Error: mailbox gone' }, { mcp: false })).toEqual({ error: 'mailbox gone' });
  });
});

describe('diffTraces', () => {
  it('should find nothing between equal runs, and check the core run against the scenario', () => {
    const events = [modelCall(0), decision(1, 'a', 'allow'), decision(2, 'b', 'deny', ['no-send-to-unknown']), modelCall(3)];
    const core = traceOf(SCENARIO, run('core', events));
    expect(diffTraces(SCENARIO, core, traceOf(SCENARIO, run('vercel-ai', events)))).toEqual([]);
    expect(checkExpected(SCENARIO, core)).toEqual([]);
  });

  it('should name the scenario, the call, the field, and both values when a path differs', () => {
    const core = traceOf(SCENARIO, run('core', [modelCall(0), decision(1, 'a', 'allow'), decision(2, 'b', 'deny', ['no-send-to-unknown'])]));
    const other = traceOf(SCENARIO, run('langchain', [modelCall(0), decision(1, 'a', 'allow'), decision(2, 'b', 'deny', ['no-novel-urls'])], 'no-novel-urls'));
    const lines = diffTraces(SCENARIO, core, other);
    expect(lines).toContain('demo / b (send_email) decision 1 ruleIds: core ["no-send-to-unknown"] | langchain ["no-novel-urls"]');
    expect(lines).toContain('demo / b (send_email) what the model read: core {"denied":"denied (rule no-send-to-unknown)"} | langchain {"denied":"denied (rule no-novel-urls)"}');
    expect(lines.some((line) => line.startsWith('demo audit event #3:') && line.includes('core: ') && line.includes('langchain: '))).toBe(true);
  });
});
