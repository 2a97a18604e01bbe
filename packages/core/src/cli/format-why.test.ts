import { describe, expect, it } from 'vitest';
import type { WhyReport } from '../audit/why-tool-call.js';
import { formatWhy } from './format-why.js';

const REPORT: WhyReport = {
  toolCallId: 'call_2',
  tool: 'send_email',
  sessionId: 'demo',
  seq: 7,
  ts: '2026-01-01T00:00:00.000Z',
  decision: { type: 'deny', code: 'policy-denied', ruleIds: ['no-send-to-unknown'], reasons: ["exfil:send destination must carry 'known'"] },
  guards: [],
  arguments: [
    { name: 'to', labels: ['untrusted', 'src:tool:read_inbox'], control: true, sources: [{ type: 'tool-result', toolCallId: 'call_1', tool: 'read_inbox', labels: ['untrusted'], seq: 4, inferred: true, arguments: [{ name: 'folder', labels: ['known'], sources: [{ type: 'user' }] }] }] },
    { name: 'body', labels: ['llm', 'influenced'], control: false, sources: [{ type: 'model', influenced: true }, { type: 'credential', name: 'github' }, { type: 'source', label: 'src:web' }] },
  ],
  approvals: [{ approved: false, by: 'callback' }],
  otherSessions: ['older'],
};

describe('formatWhy', () => {
  it('should print the decision and, per argument, where its labels came from', () => {
    expect(formatWhy(REPORT)).toBe(
      [
        'tool call call_2: send_email DENIED (policy-denied)',
        '  session demo, record #7, 2026-01-01T00:00:00.000Z',
        '  rules: no-send-to-unknown',
        "  reason: exfil:send destination must carry 'known'",
        '  approval: refused (callback)',
        '  not executed',
        '  argument `to` (control): untrusted, src:tool:read_inbox',
        '    ← tool result call_1 (read_inbox, record #4): untrusted [inferred from provenance]',
        '        argument `folder`: known',
        '          ← the user prompt (trusted)',
        '  argument `body` (payload): llm, influenced',
        '    ← the model: found in nothing it was shown, made after it read untrusted content (influenced)',
        '    ← credential `github` (secret)',
        '    ← src:web (no record of it in this session)',
        '  (the id also appears in session older: use --session)',
      ].join('\n'),
    );
  });

  it('should show an executed call with its result and a lifted denial', () => {
    const text = formatWhy({ ...REPORT, decision: { type: 'allow', code: 'allowed', ruleIds: [], reasons: [] }, liftedBy: 'vetted', guards: ['vetted'], execution: { status: 'ok', durationMs: 1.25 }, result: { labels: ['untrusted'], taint: [] }, approvals: [], otherSessions: [], arguments: [] });
    expect(text).toContain('send_email allowed (allowed)');
    expect(text).toContain('denial lifted by guard vetted');
    expect(text).toContain('executed: ok in 1.3ms');
    expect(text).toContain('result labels: untrusted');
  });
});
