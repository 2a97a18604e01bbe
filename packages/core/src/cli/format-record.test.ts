import { describe, expect, it } from 'vitest';
import { makeRecord, type LedgerEntry } from '../audit/ledger-record.js';
import { formatRecord } from './format-record.js';

const line = (entry: Omit<LedgerEntry, 'sessionId' | 'ts'>) => formatRecord(makeRecord({ sessionId: 's1', ts: 0, ...entry } as LedgerEntry, undefined));

describe('formatRecord', () => {
  it.each([
    [{ type: 'decision', tool: 'send_email', toolCallId: 'c2', decision: { type: 'deny', ruleIds: ['no-send-to-unknown'] } }, 'decision send_email (c2): DENY [no-send-to-unknown]'],
    [{ type: 'decision', tool: 'read', toolCallId: 'c1', decision: { type: 'allow', ruleIds: [] } }, 'decision read (c1): allow'],
    [{ type: 'tool-call', tool: 'read', toolCallId: 'c1', status: 'ok', durationMs: 2 }, 'tool-call read (c1): ok 2.0ms'],
    [{ type: 'tool-result', tool: 'read', toolCallId: 'c1', labels: ['untrusted'], redacted: 2 }, 'tool-result read (c1): untrusted, 2 secret(s) redacted'],
    [{ type: 'model-call', contextLabels: ['trusted', 'untrusted'], influenced: true }, 'model-call context: trusted, untrusted; output influenced'],
    [{ type: 'bless', target: 'c1:to', add: [], remove: ['untrusted'], by: 'guard:vetted' }, 'bless c1:to -untrusted by guard:vetted'],
    [{ type: 'label', target: 'app', labels: ['secret'], by: 'app' }, 'label app +secret by app'],
    [{ type: 'conflict', target: 'tool-result:c1', labels: ['trusted', 'untrusted'], resolved: 'untrusted', by: 'tool:x' }, 'conflict tool-result:c1 trusted, untrusted → untrusted by tool:x'],
    [{ type: 'approval', tool: 'pay', toolCallId: 'c3', approved: false, by: 'callback' }, 'approval pay (c3): refused by callback'],
    [{ type: 'sign', name: 'system', signedBy: 'user:ann', templateHash: `sha256:${'a'.repeat(64)}` }, 'sign system by user:ann sha256:aaaaaaaaaaaa…'],
    [{ type: 'verify', name: 'system', verified: false, reason: 'content-mismatch', by: 'autoverify' }, 'verify system: FAILED (content-mismatch) by autoverify'],
    [{ type: 'repair', droppedBytes: 12, droppedDigest: `sha256:${'b'.repeat(64)}` }, 'repair dropped 12 bytes of an unfinished record sha256:bbbbbbbbbbbb…'],
    [{ type: 'session-start' }, 'session-start'],
  ])('should print %j on one line', (entry, expected) => {
    expect(line(entry)).toBe(`#1 1970-01-01T00:00:00.000Z s1 ${expected}`);
  });
});
