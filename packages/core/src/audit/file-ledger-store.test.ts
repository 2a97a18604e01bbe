import { appendFileSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditWriteError } from './audit-write-error.js';
import { createAuditLedger } from './create-audit-ledger.js';
import { createFileLedgerStore, DEFAULT_LEDGER_PATH } from './file-ledger-store.js';
import { verifyLedger } from './verify-ledger.js';

function project(): string {
  return mkdtempSync(join(tmpdir(), 'labelflow-file-store-'));
}

describe('createFileLedgerStore', () => {
  it('should create .labelflow/audit.jsonl (mode 0600) with a .gitignore on the first append', () => {
    const cwd = project();
    const ledger = createAuditLedger({ cwd });
    ledger.append({ type: 'note', sessionId: 's' });
    const file = join(cwd, DEFAULT_LEDGER_PATH);
    expect(ledger.store.location).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(join(cwd, '.labelflow', '.gitignore'))).toBe(true);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('should read nothing from a ledger that does not exist yet, and probe it as writable', () => {
    const store = createFileLedgerStore({ cwd: project() });
    expect(store.read()).toEqual({ lines: [] });
    expect(store.probe()).toEqual({ ok: true });
  });

  it('should truncate a torn last line before appending and record the repair', () => {
    const cwd = project();
    const ledger = createAuditLedger({ cwd });
    ledger.append({ type: 'note', sessionId: 's' });
    appendFileSync(join(cwd, DEFAULT_LEDGER_PATH), '{"seq":2,"ts":"2026-');
    expect(verifyLedger(ledger.store)).toMatchObject({ ok: true, records: 1, torn: { bytes: 20 } });
    ledger.append({ type: 'note', sessionId: 's', after: 'crash' });
    const records = ledger.history();
    expect(records.map((record) => record.type)).toEqual(['note', 'repair', 'note']);
    expect(records[1]).toMatchObject({ seq: 2, droppedBytes: 20, droppedDigest: expect.stringMatching(/^sha256:/u) });
    expect(verifyLedger(ledger.store)).toMatchObject({ ok: true, records: 3 });
    expect(readFileSync(join(cwd, DEFAULT_LEDGER_PATH), 'utf8').endsWith('\n')).toBe(true);
  });

  it('should refuse to append after a last line that is whole but unreadable', () => {
    const cwd = project();
    const ledger = createAuditLedger({ cwd });
    ledger.append({ type: 'note', sessionId: 's' });
    appendFileSync(join(cwd, DEFAULT_LEDGER_PATH), 'garbage\n');
    expect(() => ledger.append({ type: 'note', sessionId: 's' })).toThrow(AuditWriteError);
    expect(ledger.store.probe()).toMatchObject({ ok: false });
    expect(ledger.checkWritable()).toMatchObject({ ok: false });
  });

  it('should fail with AuditWriteError when the folder cannot be created', () => {
    const cwd = project();
    appendFileSync(join(cwd, 'blocker'), 'a file where a folder should be');
    const store = createFileLedgerStore({ cwd, path: 'blocker/audit.jsonl' });
    expect(() => store.append(() => ['x'])).toThrow(AuditWriteError);
    expect(store.probe().ok).toBe(false);
  });
});
