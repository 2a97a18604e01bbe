import { randomUUID } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** Options of `withFileLock`. */
export interface FileLockOptions {
  /** Give up after this long (default 10 s). */
  readonly timeoutMs?: number;
  /** A lock older than this whose owner cannot be checked is taken to be abandoned (default 30 s). */
  readonly staleMs?: number;
  /** Wait between attempts (default 2 ms, with jitter). */
  readonly retryMs?: number;
}

/** Why a lock could not be taken. */
export class FileLockTimeout extends Error {
  override readonly name = 'FileLockTimeout';
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread: the ledger's listener is synchronous, so it cannot await. */
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock in one atomic step: the owner's name is written to a private file first, which is then hard-linked
 * to the lock path (fails if it exists). A lock therefore always names its owner: a writer killed between creating
 * the lock and naming itself would otherwise leave an anonymous lock that nobody could tell was abandoned.
 */
function tryAcquire(lockPath: string, token: string): boolean {
  const pending = `${lockPath}.${randomUUID()}.pending`;
  const fd = openSync(pending, 'wx', 0o600);
  try {
    writeSync(fd, token);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(pending, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    unlinkSync(pending);
  }
}

/** True when the lock's owner is a dead process on this host, or the lock is older than `staleMs`. */
function isStale(lockPath: string, owner: string | undefined, staleMs: number): boolean {
  const [pid, host] = (owner ?? '').split(' ');
  if (host === hostname() && pid !== undefined && /^\d+$/u.test(pid)) return !isAlive(Number(pid));
  // The owner is elsewhere, or has not written its name yet: only age can tell.
  try {
    return Date.now() - statSync(lockPath).mtimeMs > staleMs;
  } catch {
    return false;
  }
}

/**
 * Removes a lock left by a dead process. The lock is renamed away first, so of two processes breaking it at
 * once only one succeeds; if what was renamed turns out to be a live owner's fresh lock, it is put back.
 */
function breakStale(lockPath: string, owner: string | undefined): void {
  const aside = `${lockPath}.stale-${randomUUID()}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return;
  }
  if (readOrUndefined(aside) !== owner) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // Someone holds a newer lock already; the renamed one's owner will find its lock gone and not unlink it.
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // Already gone.
  }
}

/**
 * Runs `fn` while holding an exclusive lock file (created with `O_EXCL`), so that writers in other processes
 * never run their critical section at the same time. The lock names its owner (`pid host token`); a lock whose
 * owner died (`kill -9`) is broken by the next writer. Synchronous by design.
 *
 * @example
 * ```ts
 * withFileLock('/tmp/audit.jsonl.lock', () => appendFileSync('/tmp/audit.jsonl', line));
 * ```
 */
export function withFileLock<T>(lockPath: string, fn: () => T, { timeoutMs = 10_000, staleMs = 30_000, retryMs = 2 }: FileLockOptions = {}): T {
  const token = `${process.pid} ${hostname()} ${randomUUID()}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (tryAcquire(lockPath, token)) break;
    const owner = readOrUndefined(lockPath);
    if (isStale(lockPath, owner, staleMs)) {
      breakStale(lockPath, owner);
      continue;
    }
    if (Date.now() > deadline) throw new FileLockTimeout(`lock \`${lockPath}\` is held by \`${owner ?? 'unknown'}\``);
    sleepSync(retryMs + Math.random() * retryMs);
  }
  try {
    return fn();
  } finally {
    // Only our own lock is removed: if it was broken as stale meanwhile, the file is now someone else's.
    if (readOrUndefined(lockPath) === token) {
      try {
        unlinkSync(lockPath);
      } catch {
        // Already gone.
      }
    }
  }
}
