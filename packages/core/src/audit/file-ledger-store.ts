import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AuditWriteError } from './audit-write-error.js';
import { withFileLock, type FileLockOptions } from './file-lock.js';
import { parseRecordLine } from './ledger-record.js';
import type { LedgerContents, LedgerRepair, LedgerStore, LedgerTail } from './ledger-store.js';
import { readLedgerTail } from './read-ledger-tail.js';
import { ensureStateDir, STATE_DIR } from './state-dir.js';

/** The ledger's default path, relative to the working directory. */
export const DEFAULT_LEDGER_PATH = join(STATE_DIR, 'audit.jsonl');

/** Options of `createFileLedgerStore`. */
export interface FileLedgerStoreOptions {
  /** The ledger file (default `.labelflow/audit.jsonl`), resolved against `cwd`. */
  readonly path?: string;
  /** Default `process.cwd()` at creation. */
  readonly cwd?: string;
  /** Lock timing (see `withFileLock`). */
  readonly lock?: FileLockOptions;
  /** Flush every append to disk before returning (default false: the OS decides; a crash of the process alone loses nothing). */
  readonly fsync?: boolean;
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Creates an append-only JSON Lines ledger store in a file. Appends take a lock file (`<path>.lock`, created
 * with `O_EXCL`; a lock whose owner died is broken), read the tail under it and write the new lines in one
 * `write` to a file opened with `O_APPEND`, so several processes appending to one ledger never interleave or
 * lose a record.
 *
 * A process killed mid-write leaves at most a partial last line. It is not a record (a record is committed by
 * its newline): `verifyLedger` reports it as torn, and the next append truncates it and writes a `repair` record
 * with the number and digest of the dropped bytes before its own.
 *
 * @example
 * ```ts
 * const store = createFileLedgerStore({ path: '.labelflow/audit.jsonl' });
 * const ledger = createAuditLedger({ store });
 * ```
 */
export function createFileLedgerStore({ path = DEFAULT_LEDGER_PATH, cwd = process.cwd(), lock = {}, fsync = false }: FileLedgerStoreOptions = {}): LedgerStore {
  const file = resolve(cwd, path);
  const lockPath = `${file}.lock`;

  const fail = (reason: string, cause?: unknown): AuditWriteError => new AuditWriteError({ location: file, reason, ...(cause === undefined ? {} : { cause }) });

  const appendLocked = (build: (tail: LedgerTail | undefined, repair: LedgerRepair | undefined) => readonly string[]): void => {
    const fd = openSync(file, 'a+', 0o600);
    try {
      const end = readLedgerTail(fd);
      let tail: LedgerTail | undefined;
      if (end.lastLine !== undefined) {
        const record = parseRecordLine(end.lastLine);
        // Fail closed: chaining onto an unreadable record would bury the tampering or corruption behind new records.
        if (record === undefined) throw fail('its last record is unreadable; run `labelflow audit verify`');
        tail = { seq: record.seq, hash: record.hash };
      }
      let repair: LedgerRepair | undefined;
      if (end.torn !== undefined) {
        repair = { droppedBytes: end.torn.length, digest: `sha256:${createHash('sha256').update(end.torn).digest('hex')}` };
        ftruncateSync(fd, end.wholeEnd);
      }
      const lines = build(tail, repair);
      if (lines.length === 0) return;
      writeAll(fd, `${lines.join('\n')}\n`);
      if (fsync) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };

  return {
    location: file,
    append(build) {
      try {
        ensureStateDir(dirname(file));
        withFileLock(lockPath, () => appendLocked(build), lock);
      } catch (error) {
        if (AuditWriteError.isInstance(error)) throw error;
        throw fail(message(error), error);
      }
    },
    read(): LedgerContents {
      if (!existsSync(file)) return { lines: [] };
      const text = readFileSync(file, 'utf8');
      const end = text.lastIndexOf('\n') + 1;
      const lines = end === 0 ? [] : text.slice(0, end - 1).split('\n');
      const tornBytes = Buffer.byteLength(text.slice(end), 'utf8');
      return tornBytes > 0 ? { lines, torn: { bytes: tornBytes } } : { lines };
    },
    probe() {
      try {
        // The file, or the nearest folder that exists and would hold it, must be writable.
        let existing = file;
        while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
        if (existing !== file && !statSync(existing).isDirectory()) return { ok: false, reason: `\`${existing}\` is not a folder` };
        accessSync(existing, constants.W_OK);
        const fd = existsSync(file) ? openSync(file, 'r') : undefined;
        if (fd !== undefined) {
          try {
            const end = readLedgerTail(fd);
            if (end.lastLine !== undefined && parseRecordLine(end.lastLine) === undefined) return { ok: false, reason: 'its last record is unreadable' };
          } finally {
            closeSync(fd);
          }
        }
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: message(error) };
      }
    },
  };
}
