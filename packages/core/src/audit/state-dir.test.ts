import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureStateDir, STATE_GITIGNORE } from './state-dir.js';

describe('ensureStateDir', () => {
  it('should create .labelflow with a .gitignore that keeps keys and the ledger out of git', () => {
    const root = mkdtempSync(join(tmpdir(), 'labelflow-state-'));
    const dir = ensureStateDir(join(root, '.labelflow'));
    const ignore = readFileSync(join(dir, '.gitignore'), 'utf8');
    expect(ignore).toBe(STATE_GITIGNORE);
    expect(ignore).toContain('keys/*.key');
    expect(ignore).toContain('audit.jsonl');
  });

  it('should keep an existing .gitignore and write none for other folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'labelflow-state-'));
    ensureStateDir(join(root, '.labelflow'));
    writeFileSync(join(root, '.labelflow', '.gitignore'), 'mine\n');
    ensureStateDir(join(root, '.labelflow'));
    expect(readFileSync(join(root, '.labelflow', '.gitignore'), 'utf8')).toBe('mine\n');
    ensureStateDir(join(root, 'elsewhere'));
    expect(existsSync(join(root, 'elsewhere', '.gitignore'))).toBe(false);
  });
});
