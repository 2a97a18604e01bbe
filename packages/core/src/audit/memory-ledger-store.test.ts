import { describe, expect, it } from 'vitest';
import { AuditWriteError } from './audit-write-error.js';
import { formatRecordLine, makeRecord } from './ledger-record.js';
import { createMemoryLedgerStore } from './memory-ledger-store.js';

describe('createMemoryLedgerStore', () => {
  it('should hand the builder the tail and keep the lines it returns', () => {
    const store = createMemoryLedgerStore();
    store.append((tail) => {
      expect(tail).toBeUndefined();
      return [formatRecordLine(makeRecord({ type: 'a', sessionId: 's' }, tail))];
    });
    store.append((tail) => {
      expect(tail?.seq).toBe(1);
      return [formatRecordLine(makeRecord({ type: 'b', sessionId: 's' }, tail))];
    });
    expect(store.read().lines).toHaveLength(2);
    expect(store.probe()).toEqual({ ok: true });
  });

  it('should refuse to chain onto an unreadable last record', () => {
    const store = createMemoryLedgerStore({ lines: ['garbage'] });
    expect(() => store.append(() => [])).toThrow(AuditWriteError);
    expect(store.probe().ok).toBe(false);
  });
});
