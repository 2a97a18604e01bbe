import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileLockTimeout, withFileLock } from './file-lock.js';

function lockPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'labelflow-lock-')), 'ledger.lock');
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('withFileLock', () => {
  it('should run the function under the lock and remove the lock after it, even when it throws', () => {
    const path = lockPath();
    expect(withFileLock(path, () => existsSync(path))).toBe(true);
    expect(existsSync(path)).toBe(false);
    expect(() => withFileLock(path, () => { throw new Error('boom'); })).toThrow('boom');
    expect(existsSync(path)).toBe(false);
  });

  it('should wait for a live owner and give up after the timeout', () => {
    const path = lockPath();
    writeFileSync(path, `${process.pid} ${hostname()} someone-else`);
    expect(() => withFileLock(path, () => 1, { timeoutMs: 30 })).toThrow(FileLockTimeout);
    expect(existsSync(path)).toBe(true);
  });

  it('should break a lock whose owner died on this host', () => {
    const path = lockPath();
    writeFileSync(path, `${deadPid()} ${hostname()} crashed`);
    expect(withFileLock(path, () => 'ran', { timeoutMs: 1000 })).toBe('ran');
    expect(existsSync(path)).toBe(false);
  });

  it('should break a lock from another host only once it is older than staleMs', () => {
    const path = lockPath();
    writeFileSync(path, '1 another-host token');
    expect(() => withFileLock(path, () => 1, { timeoutMs: 30, staleMs: 60_000 })).toThrow(FileLockTimeout);
    const old = new Date(Date.now() - 120_000);
    utimesSync(path, old, old);
    expect(withFileLock(path, () => 'ran', { timeoutMs: 1000, staleMs: 60_000 })).toBe('ran');
  });
});
