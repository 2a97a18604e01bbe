/** The last whole record of a ledger: what the next record links to. */
export interface LedgerTail {
  readonly seq: number;
  readonly hash: string;
}

/** Bytes a writer left without a closing newline (it died mid-write), dropped before the next append. */
export interface LedgerRepair {
  readonly droppedBytes: number;
  /** SHA-256 of the dropped bytes, so the repair record proves what was removed without repeating it. */
  readonly digest: string;
}

/** Everything a store holds: its whole lines, and any torn bytes after the last one. */
export interface LedgerContents {
  readonly lines: readonly string[];
  /** Set when the store ends in a partial line (a writer was killed mid-write). */
  readonly torn?: { readonly bytes: number };
}

/** Whether an append could succeed now. */
export type LedgerProbe = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Where audit records live. A store appends whole lines atomically with respect to every other writer (other
 * processes included) and hands the builder the tail it must link to, read under the same lock.
 *
 * A record is committed when its closing newline is written. A store that finds a partial last line drops it
 * before appending and reports it to the builder as a repair.
 */
export interface LedgerStore {
  /** A file path, or `memory`. */
  readonly location: string;
  /**
   * Appends the lines `build` returns (each without a newline), after the current tail, atomically. Throws
   * `AuditWriteError` when it cannot; then nothing was appended.
   */
  append(build: (tail: LedgerTail | undefined, repair: LedgerRepair | undefined) => readonly string[]): void;
  /** Reads the whole ledger. */
  read(): LedgerContents;
  /** Checks, without writing a record, that an append could succeed now. */
  probe(): LedgerProbe;
}
