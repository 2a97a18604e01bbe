import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes.js';
import { runCli } from './run-cli.js';

async function run(cwd: string, ...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(argv, { cwd, stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe('runCli', { timeout: 30_000 }, () => {
  it('should map help to 0 and usage mistakes to 2, writing only to the streams it was given', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'labelflow-run-cli-'));
    expect((await run(cwd, '--help')).code).toBe(EXIT.ok);
    expect((await run(cwd)).code).toBe(EXIT.usage);
    const unknown = await run(cwd, 'nope');
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toContain("unknown command 'nope'");
    expect((await run(cwd, 'policy', 'check')).code).toBe(EXIT.usage);
  });

  it('should run a whole flow in-process: init, sign, verify, audit', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'labelflow-run-cli-'));
    expect((await run(cwd, 'init', '--json')).code).toBe(EXIT.ok);
    writeFileSync(join(cwd, 'system.txt'), 'Be careful.');
    expect((await run(cwd, 'sign', 'system', 'system.txt', '--by', 'user:ann')).code).toBe(EXIT.ok);
    expect((await run(cwd, 'verify', 'system', 'system.txt')).code).toBe(EXIT.ok);
    writeFileSync(join(cwd, 'system.txt'), 'Be reckless.');
    expect((await run(cwd, 'verify', 'system', 'system.txt')).code).toBe(EXIT.failed);
    const history = await run(cwd, 'audit', 'history');
    expect(history.stdout).toMatch(/sign system by user:ann[\s\S]*verify system: verified[\s\S]*verify system: FAILED \(content-mismatch\)/u);
    expect((await run(cwd, 'audit', 'verify')).code).toBe(EXIT.ok);
    expect((await run(cwd, 'policy', 'check', 'labelflow.policy.json')).code).toBe(EXIT.ok);
  });

  it('should exit 4 when the report cannot be written', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'labelflow-run-cli-'));
    await run(cwd, 'init');
    writeFileSync(join(cwd, 'x.txt'), 'x');
    await run(cwd, 'sign', 'x', 'x.txt');
    const result = await run(cwd, 'audit', 'report', '--html', 'missing-dir/report.html');
    expect(result.code).toBe(EXIT.error);
    expect(result.stderr).toContain('cannot write `missing-dir/report.html`');
  });
});
