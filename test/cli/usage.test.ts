import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, CLI, ROOT } from './helpers/build-cli.js';
import { labelflow, tempProject } from './helpers/run-cli.js';

beforeAll(async () => {
  await buildCli();
}, 180_000);

// Each test starts the binary several times: generous timeouts for a loaded 2-core CI machine.
describe('labelflow', { timeout: 60_000 }, () => {
  it('should be the package binary: bin.labelflow points at the built file, which starts with a shebang', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', 'core', 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(join(ROOT, 'packages', 'core', manifest.bin['labelflow'] as string)).toBe(CLI);
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(CLI).isFile()).toBe(true);
  });

  it('should exit 0 for help, and 2 with no command, an unknown command or an unknown option', () => {
    const cwd = tempProject();
    const help = labelflow(cwd, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('audit');
    expect(labelflow(cwd, 'audit', '--help').stdout).toContain('report');
    const bare = labelflow(cwd);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Usage: labelflow');
    expect(labelflow(cwd, 'frobnicate').code).toBe(2);
    expect(labelflow(cwd, 'audit', 'tail', '--no-such-option').code).toBe(2);
  });
});
