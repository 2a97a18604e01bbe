import { describe, expect, it } from 'vitest';
import { formatRecordLine, makeRecord } from './ledger-record.js';
import { createMemoryLedgerStore } from './memory-ledger-store.js';
import { ledgerContents, readLedger } from './read-ledger.js';

const LINE = formatRecordLine(makeRecord({ type: 'note', sessionId: 's' }, undefined));

describe('readLedger', () => {
  it('should read records from text, lines or a store and list unreadable lines', () => {
    expect(readLedger(`${LINE}\nnot a record\n`)).toEqual({ records: [JSON.parse(LINE)], unreadable: [2] });
    expect(readLedger([LINE]).records).toHaveLength(1);
    expect(readLedger(createMemoryLedgerStore({ lines: [LINE] })).records).toHaveLength(1);
  });

  it('should keep a torn end out of the lines', () => {
    expect(ledgerContents(`${LINE}\n{"seq":2`)).toEqual({ lines: [LINE], torn: { bytes: 8 } });
    expect(ledgerContents('')).toEqual({ lines: [] });
  });
});
