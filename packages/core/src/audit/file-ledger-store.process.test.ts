import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAuditLedger } from './create-audit-ledger.js';
import { readLedger } from './read-ledger.js';
import { verifyLedger } from './verify-ledger.js';

// Several real processes append to one ledger file; others are killed with SIGKILL in the middle of writing.
// Children run this folder's TypeScript through tsx's loader.

const HERE = dirname(fileURLToPath(import.meta.url));
const TSX = pathToFileURL(resolve(HERE, '../../../../node_modules/tsx/dist/esm/index.mjs')).href;
const AUDIT = pathToFileURL(join(HERE, 'index.ts')).href;
const LOCK = pathToFileURL(join(HERE, 'file-lock.ts')).href;

const CHILD = `
import { openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { createAuditLedger } from '${AUDIT}';
import { withFileLock } from '${LOCK}';
const [mode, file, name, count] = process.argv.slice(2);
const ledger = createAuditLedger({ path: file, cwd: '/' });
if (mode === 'append') {
  for (let n = 0; n < Number(count); n += 1) ledger.append({ type: 'note', sessionId: name, n });
} else if (mode === 'loop') {
  // Big, varying records, so that a kill can land in the middle of one.
  for (let n = 0; ; n += 1) ledger.append({ type: 'note', sessionId: name, n, pad: 'x'.repeat((n * 7919) % 200000) });
} else if (mode === 'torn') {
  ledger.append({ type: 'note', sessionId: name, n: 0 });
  withFileLock(file + '.lock', () => {
    const fd = openSync(file, 'a');
    writeSync(fd, '{"seq":2,"ts":"2026-01-01T00:00:00.000Z","sessionId":"' + name + '","type":"no');
    closeSync(fd);
    writeFileSync(file + '.ready', 'x');
    for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  });
}
`;

function setup(): { file: string; script: string } {
  const dir = mkdtempSync(join(tmpdir(), 'labelflow-procs-'));
  const script = join(dir, 'child.mts');
  writeFileSync(script, CHILD);
  return { file: join(dir, 'audit.jsonl'), script };
}

function start(script: string, args: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', TSX, script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

function exited(child: ChildProcess): Promise<number | null> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code, signal) => (code === 0 || signal === 'SIGKILL' ? done(code) : fail(new Error(`child exited ${code}: ${stderr}`))));
  });
}

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 10));
  }
}

function lineCount(file: string): number {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0;
}

describe('file ledger across processes', () => {
  it('should never interleave or lose records when several processes append at once', async () => {
    const { file, script } = setup();
    const writers = 4;
    const each = 60;
    await Promise.all(Array.from({ length: writers }, (_, index) => exited(start(script, ['append', file, `proc-${index}`, String(each)]))));
    expect(verifyLedger(readFileSync(file, 'utf8'))).toMatchObject({ ok: true, records: writers * each });
    const { records } = readLedger(readFileSync(file, 'utf8'));
    for (let index = 0; index < writers; index += 1) {
      const own = records.filter((record) => record.sessionId === `proc-${index}`).map((record) => record['n']);
      expect(own).toEqual(Array.from({ length: each }, (_, n) => n));
    }
  }, 60_000);

  it('should verify up to the last whole record after kill -9 mid-write, and accept records after it', async () => {
    const { file, script } = setup();
    for (let round = 0; round < 2; round += 1) {
      const child = start(script, ['loop', file, `crash-${round}`]);
      const done = exited(child);
      const before = lineCount(file);
      await until(() => lineCount(file) >= before + 40);
      child.kill('SIGKILL');
      await done;
      const afterKill = verifyLedger(readFileSync(file, 'utf8'));
      expect(afterKill.ok).toBe(true);
      // The next append happens in this process: it breaks a lock the dead writer may hold and repairs a torn tail.
      const ledger = createAuditLedger({ path: file, cwd: '/' });
      const record = ledger.append({ type: 'note', sessionId: 'survivor', round });
      expect(record.seq).toBe((afterKill.ok ? afterKill.records : 0) + (afterKill.ok && afterKill.torn !== undefined ? 2 : 1));
      expect(ledger.verify()).toMatchObject({ ok: true });
    }
  }, 60_000);

  it('should break the lock of a writer killed while holding it, and drop the line it tore', async () => {
    const { file, script } = setup();
    const child = start(script, ['torn', file, 'victim']);
    const done = exited(child);
    await until(() => existsSync(`${file}.ready`));
    child.kill('SIGKILL');
    await done;
    expect(existsSync(`${file}.lock`)).toBe(true);
    expect(verifyLedger(readFileSync(file, 'utf8'))).toMatchObject({ ok: true, records: 1, torn: { bytes: expect.any(Number) } });

    const ledger = createAuditLedger({ path: file, cwd: '/' });
    const started = Date.now();
    ledger.append({ type: 'note', sessionId: 'survivor' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ledger.history().map((record) => record.type)).toEqual(['note', 'repair', 'note']);
    expect(ledger.verify()).toMatchObject({ ok: true, records: 3 });
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 60_000);
});
