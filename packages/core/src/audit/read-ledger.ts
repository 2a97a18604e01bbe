import { parseRecordLine, type LedgerRecord } from './ledger-record.js';
import type { LedgerContents, LedgerStore } from './ledger-store.js';

/** Where records can be read from: a store, the ledger's text, or its lines. */
export type LedgerSource = LedgerStore | string | readonly string[];

/** Turns any ledger source into its contents (whole lines and torn bytes). */
export function ledgerContents(source: LedgerSource): LedgerContents {
  if (typeof source === 'string') {
    const end = source.lastIndexOf('\n') + 1;
    const lines = end === 0 ? [] : source.slice(0, end - 1).split('\n');
    const torn = Buffer.byteLength(source.slice(end), 'utf8');
    return torn > 0 ? { lines, torn: { bytes: torn } } : { lines };
  }
  if (Array.isArray(source)) return { lines: source as readonly string[] };
  return (source as LedgerStore).read();
}

/** The records of a ledger, for queries. */
export interface LedgerRecords {
  readonly records: readonly LedgerRecord[];
  /** 1-based line numbers of lines that are not well-formed records (run `verifyLedger` to learn more). */
  readonly unreadable: readonly number[];
}

/**
 * Reads a ledger's records for queries, skipping lines that are not well-formed records (it does not check
 * the hash chain: `verifyLedger` does).
 *
 * @example
 * ```ts
 * const { records } = readLedger(createFileLedgerStore());
 * ```
 */
export function readLedger(source: LedgerSource): LedgerRecords {
  const records: LedgerRecord[] = [];
  const unreadable: number[] = [];
  ledgerContents(source).lines.forEach((line, index) => {
    const record = parseRecordLine(line);
    if (record === undefined) unreadable.push(index + 1);
    else records.push(record);
  });
  return { records, unreadable };
}
