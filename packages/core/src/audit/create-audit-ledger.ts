import type { SessionListener } from '../session/session-event.js';
import { AuditWriteError } from './audit-write-error.js';
import { createFileLedgerStore } from './file-ledger-store.js';
import { ledgerHistory, type HistoryFilter } from './ledger-history.js';
import { formatRecordLine, makeRecord, type LedgerEntry, type LedgerRecord } from './ledger-record.js';
import type { LedgerProbe, LedgerStore, LedgerTail } from './ledger-store.js';
import { listBlessed, type BlessedEntry } from './list-blessed.js';
import { listSigned, type SignedEntry } from './list-signed.js';
import { readLedger } from './read-ledger.js';
import { sessionEventEntry } from './session-event-entry.js';
import { verifyLedger, type LedgerVerification } from './verify-ledger.js';
import { whyToolCall, type WhyReport } from './why-tool-call.js';

/**
 * `enforce`: a failed append must deny the operation it records (the session asks `checkWritable()`);
 * `observe`: failures are reported to `onError` and the run goes on.
 */
export type AuditMode = 'enforce' | 'observe';

/** Options of `createAuditLedger`. */
export interface AuditLedgerOptions {
  /** Where records go (default: a file store at `.labelflow/audit.jsonl` in `cwd`). */
  readonly store?: LedgerStore;
  /** For the default store: the ledger path and the folder it is resolved against. */
  readonly path?: string;
  readonly cwd?: string;
  /** Default `enforce`. */
  readonly mode?: AuditMode;
  /** Called with every failed append (after `checkWritable()` has recorded it). Its own errors are ignored. */
  readonly onError?: (error: AuditWriteError) => void;
}

/** Something with a session's `subscribe`. */
export interface Subscribable {
  subscribe(listener: SessionListener): () => void;
}

/** A hash-chained, append-only audit ledger over a store. */
export interface AuditLedger {
  readonly store: LedgerStore;
  readonly mode: AuditMode;
  /** Records one session event. Never throws: a failure is kept for `checkWritable()` and sent to `onError`. */
  readonly listener: SessionListener;
  /** Subscribes the ledger to a session's events. Returns a function that unsubscribes. */
  attach(session: Subscribable): () => void;
  /** Appends one record (a `sign`, a `verify`, or an app's own). Throws `AuditWriteError` when it cannot. */
  append(entry: LedgerEntry): LedgerRecord;
  /**
   * Whether the last append succeeded (before any append: whether one could succeed now). Right after the
   * session emits a `decision` event, this says whether that decision is in the ledger: in `enforce` mode the
   * session must deny the call when it is not ok.
   */
  checkWritable(): LedgerProbe;
  /** Verifies the whole chain. */
  verify(options?: { head?: LedgerTail }): LedgerVerification;
  /** Explains a tool call: each argument's labels and where they came from. */
  why(toolCallId: string, options?: { sessionId?: string }): WhyReport | undefined;
  history(filter?: HistoryFilter): readonly LedgerRecord[];
  /** The latest signature of each template name. */
  signed(): readonly SignedEntry[];
  /** Every privileged label removal. */
  blessed(): readonly BlessedEntry[];
}

/**
 * Creates an audit ledger: every record is numbered, linked to the previous one and hashed over its canonical
 * JSON, so `verify()` names the first record that was edited, reordered, inserted or removed. Subscribe it to a
 * session (`attach`, or `onEvent: ledger.listener`) and every event is recorded; events carry digests, never
 * argument or result values, so no secret reaches the ledger.
 *
 * @param options.store where records go (default: `.labelflow/audit.jsonl` in the working directory)
 * @param options.mode `enforce` (default): a failed append denies the operation; `observe`: it is only reported
 * @param options.onError receives each failed append
 *
 * @example
 * ```ts
 * const ledger = createAuditLedger({ mode: 'enforce' });
 * const session = createSession({ policy, onEvent: ledger.listener });
 * // later: labelflow audit why call_3
 * ```
 */
export function createAuditLedger({ store, path, cwd, mode = 'enforce', onError }: AuditLedgerOptions = {}): AuditLedger {
  const target = store ?? createFileLedgerStore({ ...(path === undefined ? {} : { path }), ...(cwd === undefined ? {} : { cwd }) });
  let last: LedgerProbe | undefined;

  const append = (entry: LedgerEntry): LedgerRecord => {
    const reserved = ['seq', 'prev', 'hash'].filter((key) => Object.hasOwn(entry, key));
    // Refused loudly: silently dropping the field would lose data the caller meant to record.
    if (reserved.length > 0) throw new AuditWriteError({ location: target.location, reason: `entry field${reserved.length === 1 ? '' : 's'} ${reserved.map((key) => `\`${key}\``).join(', ')} belong${reserved.length === 1 ? 's' : ''} to the ledger; use another name` });
    let appended: LedgerRecord | undefined;
    try {
      target.append((tail, repair) => {
        const records: LedgerRecord[] = [];
        let previous = tail;
        if (repair !== undefined) {
          const note = makeRecord({ type: 'repair', sessionId: 'labelflow', droppedBytes: repair.droppedBytes, droppedDigest: repair.digest }, previous);
          records.push(note);
          previous = note;
        }
        appended = makeRecord(entry, previous);
        records.push(appended);
        return records.map(formatRecordLine);
      });
    } catch (error) {
      const failure = AuditWriteError.isInstance(error)
        ? error
        : new AuditWriteError({ location: target.location, reason: error instanceof Error ? error.message : String(error), cause: error });
      last = { ok: false, reason: failure.message };
      throw failure;
    }
    last = { ok: true };
    return appended as LedgerRecord;
  };

  const listener: SessionListener = (event) => {
    try {
      append(sessionEventEntry(event));
    } catch (error) {
      try {
        onError?.(error as AuditWriteError);
      } catch {
        // The error callback observes; its failure changes nothing.
      }
    }
  };

  const records = () => readLedger(target).records;

  return {
    store: target,
    mode,
    listener,
    attach: (session) => session.subscribe(listener),
    append,
    checkWritable: () => last ?? target.probe(),
    verify: (options = {}) => verifyLedger(target, options),
    why: (toolCallId, options = {}) => whyToolCall(records(), toolCallId, options),
    history: (filter = {}) => ledgerHistory(records(), filter),
    signed: () => listSigned(records()),
    blessed: () => listBlessed(records()),
  };
}
