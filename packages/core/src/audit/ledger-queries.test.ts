import { describe, expect, it } from 'vitest';
import { createAuditLedger } from './create-audit-ledger.js';
import { ledgerHistory } from './ledger-history.js';
import { listBlessed } from './list-blessed.js';
import { listSigned } from './list-signed.js';
import { createMemoryLedgerStore } from './memory-ledger-store.js';

function ledger() {
  const audit = createAuditLedger({ store: createMemoryLedgerStore() });
  audit.append({ type: 'sign', sessionId: 'cli', name: 'system', templateHash: 'sha256:1', signedBy: 'user:ann', keyId: 'ed25519:k' });
  audit.append({ type: 'verify', sessionId: 'r1', name: 'system', verified: true, by: 'autoverify' });
  audit.append({ type: 'sign', sessionId: 'cli', name: 'system', templateHash: 'sha256:2', signedBy: 'user:bob', keyId: 'ed25519:k' });
  audit.append({ type: 'verify', sessionId: 'r2', name: 'system', verified: false, reason: 'content-mismatch', by: 'autoverify' });
  audit.append({ type: 'bless', sessionId: 'r2', target: 'c1:to', add: [], remove: ['untrusted'], by: 'guard:vetted' });
  audit.append({ type: 'decision', sessionId: 'r2', tool: 'send_email', toolCallId: 'c1' });
  return audit;
}

describe('ledgerHistory', () => {
  it('should filter by session, type, tool and call, and keep the last `limit`', () => {
    const { records } = { records: ledger().history() };
    expect(ledgerHistory(records, { sessionId: 'cli' }).map((record) => record.seq)).toEqual([1, 3]);
    expect(ledgerHistory(records, { type: ['sign', 'bless'] })).toHaveLength(3);
    expect(ledgerHistory(records, { tool: 'send_email', toolCallId: 'c1' })).toHaveLength(1);
    expect(ledgerHistory(records, { limit: 2 }).map((record) => record.seq)).toEqual([5, 6]);
    expect(ledgerHistory(records, { limit: 0 })).toEqual([]);
  });
});

describe('listSigned', () => {
  it('should give the latest signature of each name and the last verification after it', () => {
    expect(listSigned(ledger().history())).toEqual([
      { name: 'system', hash: 'sha256:2', signedBy: 'user:bob', signedAt: expect.any(String), keyId: 'ed25519:k', seq: 3, lastVerify: { verified: false, ts: expect.any(String), seq: 4, reason: 'content-mismatch' } },
    ]);
    expect(ledger().signed()).toHaveLength(1);
  });
});

describe('listBlessed', () => {
  it('should list privileged label removals', () => {
    expect(listBlessed(ledger().history())).toEqual([{ seq: 5, ts: expect.any(String), sessionId: 'r2', target: 'c1:to', add: [], remove: ['untrusted'], by: 'guard:vetted' }]);
    expect(ledger().blessed()).toHaveLength(1);
  });
});
