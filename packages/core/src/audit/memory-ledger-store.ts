import { AuditWriteError } from './audit-write-error.js';
import { parseRecordLine } from './ledger-record.js';
import type { LedgerContents, LedgerStore, LedgerTail } from './ledger-store.js';

/** A ledger store in memory: for tests, short-lived runs, and stores that ship records elsewhere. */
export interface MemoryLedgerStore extends LedgerStore {
  /** The lines, for tests that tamper with them. */
  readonly lines: string[];
}

/**
 * Creates an in-memory ledger store. Appends are atomic because they are synchronous in one thread.
 *
 * @example
 * ```ts
 * const ledger = createAuditLedger({ store: createMemoryLedgerStore() });
 * ```
 */
export function createMemoryLedgerStore({ lines = [] }: { lines?: string[] } = {}): MemoryLedgerStore {
  const tail = (): LedgerTail | undefined => {
    const last = lines.at(-1);
    if (last === undefined) return undefined;
    const record = parseRecordLine(last);
    // Fail closed: a ledger whose last record is unreadable was tampered with; chaining onto it would hide that.
    if (record === undefined) throw new AuditWriteError({ location: 'memory', reason: 'its last record is unreadable; run `labelflow audit verify`' });
    return { seq: record.seq, hash: record.hash };
  };
  return {
    location: 'memory',
    lines,
    append(build) {
      const added = build(tail(), undefined);
      lines.push(...added);
    },
    read(): LedgerContents {
      return { lines: [...lines] };
    },
    probe() {
      try {
        tail();
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
