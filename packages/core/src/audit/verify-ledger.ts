import { GENESIS_HASH, hashRecord, parseRecordLine } from './ledger-record.js';
import type { LedgerTail } from './ledger-store.js';
import { ledgerContents, type LedgerSource } from './read-ledger.js';

/** Why a ledger failed verification. */
export type LedgerFailureCode =
  /** The line is not a well-formed record. */
  | 'unparseable'
  /** The record's fields do not match its hash: it was edited. */
  | 'hash-mismatch'
  /** The record does not link to the one before it: a record was removed, inserted or moved here. */
  | 'broken-link'
  /** The record's number is not the next one: records were reordered, inserted or removed. */
  | 'out-of-sequence'
  /** The ledger does not reach, or does not match, the head it was expected to have. */
  | 'head-mismatch';

/** The outcome of `verifyLedger`. */
export type LedgerVerification =
  | {
      readonly ok: true;
      /** Whole records verified. */
      readonly records: number;
      /** The last record: keep it somewhere else to detect a later truncation. */
      readonly head?: LedgerTail;
      /** Bytes of a record a writer did not finish (it died mid-write); not part of the ledger. */
      readonly torn?: { readonly bytes: number };
    }
  | {
      readonly ok: false;
      /** Whole records verified before the first bad one. */
      readonly records: number;
      /** 1-based line of the first bad record. */
      readonly line: number;
      /** Its `seq`, when it could be read. */
      readonly seq?: number;
      readonly code: LedgerFailureCode;
      readonly reason: string;
    };

/**
 * Verifies a ledger's hash chain and names the first bad record: an edited record fails its hash, a removed,
 * inserted or moved record breaks the link (`prev`) or the numbering (`seq`) of the record where it happened.
 * A partial last line (a writer killed mid-write) is reported as `torn`, not as tampering. Removing records from
 * the end cannot be detected from the ledger alone: pass a `head` kept elsewhere to check that too.
 *
 * @example
 * ```ts
 * const result = verifyLedger(createFileLedgerStore());
 * if (!result.ok) console.error(`record at line ${result.line}: ${result.reason}`);
 * ```
 */
export function verifyLedger(source: LedgerSource, { head }: { head?: LedgerTail } = {}): LedgerVerification {
  const contents = ledgerContents(source);
  let prev = GENESIS_HASH;
  let headSeen = head === undefined;
  for (let index = 0; index < contents.lines.length; index += 1) {
    const line = index + 1;
    const records = index;
    const record = parseRecordLine(contents.lines[index] as string);
    if (record === undefined) return { ok: false, records, line, code: 'unparseable', reason: `line ${line} is not a well-formed ledger record` };
    const { seq } = record;
    if (hashRecord(record) !== record.hash) {
      return { ok: false, records, line, seq, code: 'hash-mismatch', reason: `record ${seq} (line ${line}) does not match its hash: it was edited` };
    }
    if (record.prev !== prev) {
      return { ok: false, records, line, seq, code: 'broken-link', reason: `record ${seq} (line ${line}) does not link to the record before it: a record was removed, inserted or moved here` };
    }
    if (seq !== line) {
      return { ok: false, records, line, seq, code: 'out-of-sequence', reason: `record ${seq} is at line ${line}: records were reordered, inserted or removed` };
    }
    if (head !== undefined && seq === head.seq) {
      if (record.hash !== head.hash) return { ok: false, records, line, seq, code: 'head-mismatch', reason: `record ${seq} is not the expected head \`${head.hash}\`` };
      headSeen = true;
    }
    prev = record.hash;
  }
  const count = contents.lines.length;
  if (!headSeen) {
    return { ok: false, records: count, line: count + 1, code: 'head-mismatch', reason: `the ledger ends at record ${count}, before the expected head ${head?.seq ?? 0}: records were removed from its end` };
  }
  return {
    ok: true,
    records: count,
    ...(count === 0 ? {} : { head: { seq: count, hash: prev } }),
    ...(contents.torn === undefined ? {} : { torn: contents.torn }),
  };
}
