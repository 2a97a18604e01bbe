import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './helpers/build-cli.js';
import { labelflow, labelflowJson, tempProject } from './helpers/run-cli.js';
import { scriptedInboxRun } from './helpers/scripted-run.js';

beforeAll(async () => {
  await buildCli();
}, 180_000);

async function recordedRun(): Promise<string> {
  const cwd = tempProject();
  await scriptedInboxRun(cwd);
  return cwd;
}

function ledgerPath(cwd: string): string {
  return join(cwd, '.labelflow', 'audit.jsonl');
}

// Each test starts the binary several times: generous timeouts for a loaded 2-core CI machine.
describe('labelflow audit', { timeout: 60_000 }, () => {
  it('why: should explain the blocked call, argument by argument, back to the inbox it was copied from', async () => {
    const cwd = await recordedRun();
    const run = labelflow(cwd, 'audit', 'why', 'call_2');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('tool call call_2: send_email DENIED (policy-denied)');
    expect(run.stdout).toContain('rules: no-send-to-unknown');
    expect(run.stdout).toContain('not executed');
    expect(run.stdout).toMatch(/argument `to` \(control\): untrusted, src:tool:read_inbox\n\s+← tool result call_1 \(read_inbox, record #\d+\): untrusted/u);
    const json = labelflowJson<{ decision: { type: string }; arguments: { name: string; sources: { type: string; toolCallId?: string }[] }[] }>(cwd, 'audit', 'why', 'call_2');
    expect(json.json.decision.type).toBe('deny');
    expect(json.json.arguments.find((arg) => arg.name === 'to')?.sources).toEqual([expect.objectContaining({ type: 'tool-result', toolCallId: 'call_1' })]);
  });

  it('why: should exit 3 for a call the ledger does not know, and when there is no ledger', async () => {
    const cwd = await recordedRun();
    expect(labelflow(cwd, 'audit', 'why', 'call_99').code).toBe(3);
    const none = labelflow(tempProject(), 'audit', 'why', 'call_1');
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('no audit ledger at `.labelflow/audit.jsonl`');
  });

  it('tail and history: should list records, filtered, as text or JSON', async () => {
    const cwd = await recordedRun();
    const tail = labelflow(cwd, 'audit', 'tail', '-n', '2');
    expect(tail.code).toBe(0);
    expect(tail.stdout.trim().split('\n')).toHaveLength(2);
    expect(tail.stdout).toContain('session-end');
    const decisions = labelflowJson<{ toolCallId: string; decision: { type: string } }[]>(cwd, 'audit', 'history', '--type', 'decision', '--tool', 'send_email');
    expect(decisions.json.map((record) => [record.toolCallId, record.decision.type])).toEqual([
      ['call_2', 'deny'],
      ['call_3', 'allow'],
    ]);
    expect(labelflow(cwd, 'audit', 'history', '--session', 'inbox-demo').stdout).toContain('decision send_email (call_2): DENY [no-send-to-unknown]');
    expect(labelflow(cwd, 'audit', 'tail', '-n', 'many').code).toBe(2);
  });

  describe('verify', () => {
    it('should verify an intact ledger and print its head', async () => {
      const cwd = await recordedRun();
      const run = labelflow(cwd, 'audit', 'verify');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/verified, \d+ records\nhead \d+:sha256:[0-9a-f]{64}/u);
    });

    it.each([
      ['an edit', (lines: string[]) => (lines[3] = (lines[3] as string).replace('"read_inbox"', '"read_mail"')), 4, 'hash-mismatch'],
      ['a reorder', (lines: string[]) => ([lines[3], lines[4]] = [lines[4] as string, lines[3] as string]), 4, 'broken-link'],
      ['an insertion', (lines: string[]) => lines.splice(2, 0, lines[5] as string), 3, 'broken-link'],
      ['a deletion', (lines: string[]) => lines.splice(4, 1), 5, 'broken-link'],
    ])('should exit 1 and name the first bad record after %s', async (_, tamper, line, code) => {
      const cwd = await recordedRun();
      const lines = readFileSync(ledgerPath(cwd), 'utf8').trimEnd().split('\n');
      tamper(lines);
      writeFileSync(ledgerPath(cwd), `${lines.join('\n')}\n`);
      const run = labelflow(cwd, 'audit', 'verify');
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`DOES NOT VERIFY at line ${line}`);
      expect(labelflowJson(cwd, 'audit', 'verify').json).toMatchObject({ ok: false, line, code });
    });

    it('should detect records cut from the end against --expect-head', async () => {
      const cwd = await recordedRun();
      const head = /head (\S+)/u.exec(labelflow(cwd, 'audit', 'verify').stdout)?.[1] as string;
      const lines = readFileSync(ledgerPath(cwd), 'utf8').trimEnd().split('\n');
      writeFileSync(ledgerPath(cwd), `${lines.slice(0, -1).join('\n')}\n`);
      expect(labelflow(cwd, 'audit', 'verify').code).toBe(0);
      expect(labelflow(cwd, 'audit', 'verify', '--expect-head', head).code).toBe(1);
      expect(labelflow(cwd, 'audit', 'verify', '--expect-head', 'nonsense').code).toBe(2);
    });
  });

  it('signed and blessed: should list signatures and privileged relabels', async () => {
    const cwd = await recordedRun();
    writeFileSync(join(cwd, 'prompt.txt'), 'Summarise {{mail}}.');
    expect(labelflow(cwd, 'sign', 'summary', 'prompt.txt', '--by', 'user:ann').code).toBe(0);
    const signed = labelflowJson<{ name: string; signedBy: string }[]>(cwd, 'audit', 'signed');
    expect(signed.json).toEqual([expect.objectContaining({ name: 'summary', signedBy: 'user:ann' })]);
    expect(labelflow(cwd, 'audit', 'signed').stdout).toContain('summary by user:ann');
    expect(labelflowJson(cwd, 'audit', 'blessed').json).toEqual([]);
  });
});
