import { describe, expect, it } from 'vitest';
import { createSession } from '../session/create-session.js';
import { auditGuard } from './audit-guard.js';
import { createAuditLedger } from './create-audit-ledger.js';
import type { LedgerStore } from './ledger-store.js';
import { createMemoryLedgerStore } from './memory-ledger-store.js';

const BROKEN: LedgerStore = { location: 'broken', append: () => { throw new Error('read-only file system'); }, read: () => ({ lines: [] }), probe: () => ({ ok: false, reason: 'read-only file system' }) };
const CALL = { toolName: 'read_inbox', toolCallId: 'c1', args: {} };
const TOOLS = { read_inbox: { labels: [], output: { labels: ['untrusted'] } } };

describe('auditGuard', () => {
  it('should deny every call while an enforce-mode ledger cannot be written', async () => {
    const ledger = createAuditLedger({ store: BROKEN, mode: 'enforce' });
    const session = createSession({ policy: {}, tools: TOOLS, guards: [auditGuard(ledger)], onEvent: ledger.listener });
    const outcome = await session.runToolCall(CALL, () => 'mail');
    expect(outcome).toMatchObject({ type: 'denied', decision: { code: 'guard-denied', ruleIds: ['guard:labelflow-audit'] } });
  });

  it('should let calls through in observe mode, or when the ledger is writable', async () => {
    for (const ledger of [createAuditLedger({ store: BROKEN, mode: 'observe' }), createAuditLedger({ store: createMemoryLedgerStore() })]) {
      const session = createSession({ policy: {}, tools: TOOLS, guards: [auditGuard(ledger)], onEvent: ledger.listener });
      expect((await session.runToolCall(CALL, () => 'mail')).type).toBe('executed');
    }
  });

  it('should not be bypassable per call', async () => {
    const ledger = createAuditLedger({ store: BROKEN });
    const session = createSession({ policy: {}, tools: TOOLS, guards: [auditGuard(ledger)] });
    const outcome = await session.runToolCall({ ...CALL, guards: false }, () => 'mail');
    expect(outcome.type).toBe('denied');
  });
});
