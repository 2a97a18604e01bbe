import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLedgerTail } from './read-ledger-tail.js';

function tailOf(text: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'labelflow-tail-')), 'audit.jsonl');
  writeFileSync(path, text);
  const fd = openSync(path, 'r');
  try {
    return readLedgerTail(fd);
  } finally {
    closeSync(fd);
  }
}

describe('readLedgerTail', () => {
  it('should read nothing from an empty file', () => {
    expect(tailOf('')).toEqual({ lastLine: undefined, wholeEnd: 0, torn: undefined });
  });

  it('should return the last whole line', () => {
    expect(tailOf('one\ntwo\n')).toEqual({ lastLine: 'two', wholeEnd: 8, torn: undefined });
  });

  it('should report bytes after the last newline as torn', () => {
    const tail = tailOf('one\ntwo\n{"seq":3,"ts');
    expect(tail.lastLine).toBe('two');
    expect(tail.wholeEnd).toBe(8);
    expect(tail.torn?.toString()).toBe('{"seq":3,"ts');
    expect(tailOf('{"partial').torn?.toString()).toBe('{"partial');
  });

  it('should find lines longer than its read chunk', () => {
    const long = 'x'.repeat(200_000);
    expect(tailOf(`${long}\n${long}y\n`).lastLine).toBe(`${long}y`);
    expect(tailOf(`a\n${long}`).torn?.length).toBe(200_000);
  });
});
