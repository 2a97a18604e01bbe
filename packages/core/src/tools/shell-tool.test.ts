import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileTaintStore } from '../files/file-taint-store.js';
import { realPath } from '../files/real-path.js';
import { defineGuard, outcome } from '../guards/index.js';
import { createSession } from '../session/create-session.js';
import type { SessionOptions } from '../session/session-types.js';
import type { ShellFacts } from './prepare-shell-call.js';
import { runTool } from './run-tool.js';
import { shellTool, type ShellResult } from './shell-tool.js';
import { ToolRefusedError } from './tool-refused-error.js';

const WORK = realPath(mkdtempSync(join(tmpdir(), 'labelflow-shell-')));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));
const ENV = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: WORK };

let calls = 0;
async function run(command: string, { options = {}, session: sessionOptions = {} }: { options?: Parameters<typeof shellTool>[0]; session?: Partial<SessionOptions> } = {}) {
  const session = createSession({ policy: {}, compile: { homeDir: WORK, cwd: WORK }, ...sessionOptions });
  session.registerUserMessage(command);
  const tool = shellTool({ cwd: WORK, env: ENV, homeDir: WORK, ...options });
  calls += 1;
  return { session, tool, outcome: await runTool({ session, tool, toolCallId: `call_${calls}`, args: { command } }) };
}

function result(outcome: Awaited<ReturnType<typeof run>>['outcome']): ShellResult {
  if (outcome.type !== 'executed') throw new Error(`${outcome.type}: ${outcome.decision.message}`);
  return outcome.result as ShellResult;
}

describe('shellTool', () => {
  describe('running commands for real', () => {
    it('should run a pipeline with redirections under /bin/sh', async () => {
      const { outcome } = await run("printf 'b\\na\\n' > lines.txt && sort lines.txt | head -1");
      expect(result(outcome)).toMatchObject({ exitCode: 0, stdout: 'a\n', stderr: '', timedOut: false, truncated: false });
      expect(readFileSync(join(WORK, 'lines.txt'), 'utf8')).toBe('b\na\n');
    });

    it('should expand variables under the shell and spawn a program with literal words directly', async () => {
      const { outcome } = await run('echo "$HOME" ; echo done');
      expect((outcome.prepared.facts as ShellFacts).argv).toBeUndefined();
      expect(result(outcome).stdout).toBe(`${WORK}\ndone\n`);
      const plain = await run("echo 'a  b' c");
      expect((plain.outcome.prepared.facts as ShellFacts).argv).toEqual(['echo', 'a  b', 'c']);
      expect(result(plain.outcome).stdout).toBe('a  b c\n');
    });

    it('should report a missing program the way a shell does', async () => {
      expect(result((await run('definitely-not-a-program-xyz')).outcome)).toMatchObject({ exitCode: 127 });
    });

    it('should give commands only the configured environment', async () => {
      process.env['LABELFLOW_TEST_TOKEN'] = 'sk-should-not-leak';
      try {
        const session = createSession({ policy: {} });
        session.registerUserMessage('env');
        const outcome = await runTool({ session, tool: shellTool({ cwd: WORK }), toolCallId: 'env', args: { command: 'env' } });
        expect(result(outcome).stdout).not.toContain('sk-should-not-leak');
        expect(result(outcome).stdout).toContain('TERM=dumb');
      } finally {
        delete process.env['LABELFLOW_TEST_TOKEN'];
      }
    });

    it('should kill a command that runs past the timeout, and everything it left in the background', async () => {
      const started = Date.now();
      expect(result((await run('sleep 5', { options: { timeoutMs: 200 } })).outcome)).toMatchObject({ timedOut: true, signal: 'SIGKILL' });
      expect(result((await run('sleep 5 & echo started')).outcome)).toMatchObject({ stdout: 'started\n', timedOut: false });
      expect(Date.now() - started).toBeLessThan(4000);
    });

    it('should cap the output', async () => {
      const output = result((await run('seq 1 100000', { options: { maxOutputBytes: 100 } })).outcome);
      expect(output.stdout).toHaveLength(100);
      expect(output.truncated).toBe(true);
    });
  });

  describe('approval', () => {
    it('should send matching commands through the approval flow with the analysed command', async () => {
      writeFileSync(join(WORK, 'old.txt'), 'x');
      const requests: unknown[] = [];
      const { outcome } = await run('rm old.txt', {
        session: { policy: { requireApproval: ['op:cmd:approval'] }, onApproval: (request) => (requests.push(request), true) },
      });
      expect(outcome.type).toBe('executed');
      expect(existsSync(join(WORK, 'old.txt'))).toBe(false);
      expect(requests).toMatchObject([{ tool: 'shell', args: { command: 'rm old.txt' }, reasons: ['this operation requires approval'] }]);
      expect(outcome.prepared.summary).toBe(`runs \`rm old.txt\` · reads ${WORK}/old.txt · writes ${WORK}/old.txt`);
    });

    it('should come back approval-required without a handler, and run once the approval is granted', async () => {
      const { session, tool, outcome } = await run('curl --version', { session: { policy: { requireApproval: ['op:cmd:approval'] } } });
      expect(outcome).toMatchObject({ type: 'approval-required', decision: { ruleIds: ['requireApproval'] } });
      if (outcome.type !== 'approval-required') return;
      session.grantApproval(outcome.approvalId);
      expect((await runTool({ session, tool, toolCallId: 'again', args: { command: 'curl --version' } })).type).toBe('executed');
    });

    it('should follow its own requireApproval patterns', async () => {
      const options = { requireApproval: ['cmd:git:push'] };
      expect((await run('git push origin', { options })).outcome.prepared.metadata.labels).toContain('op:cmd:approval');
      expect((await run('curl --version', { options })).outcome.prepared.metadata.labels).not.toContain('op:cmd:approval');
    });
  });

  describe('refusals at execution', () => {
    it('should refuse a command a guard changed after it was checked', async () => {
      const guard = defineGuard({ name: 'rewrite', when: { tools: ['shell'] }, before: () => outcome.transform({ args: { command: 'echo changed' } }) });
      const { outcome: result } = await run('echo original', { session: { guards: [guard] } });
      expect(result).toMatchObject({ type: 'failed' });
      expect(result.type === 'failed' && ToolRefusedError.isInstance(result.error)).toBe(true);
    });

    it('should not run a refused command even when the policy opens every dangerous command', async () => {
      const { outcome } = await run('eval echo hi', { session: { policy: { capabilities: { danger: ['cmd'] } } } });
      expect(outcome).toMatchObject({ type: 'failed' });
      expect(outcome.type === 'failed' && (outcome.error as ToolRefusedError).reason).toContain('`eval`');
    });

    it('should refuse to execute a call that was never prepared, or outside a session', async () => {
      const tool = shellTool({ cwd: WORK, env: ENV });
      await expect(tool.execute({ command: 'ls' }, { credentials: {}, toolCallId: 'x', prepared: undefined })).rejects.toThrow(ToolRefusedError);
      const session = createSession({ policy: {} });
      const prepared = tool.prepare({ command: 'ls' }, { session, toolCallId: 'x' });
      await expect(tool.execute({ command: 'ls' }, { credentials: {}, toolCallId: 'x', prepared })).rejects.toThrow('no labelflow session');
    });

    it('should refuse arguments that do not match the tool', async () => {
      const tool = shellTool({ cwd: WORK, env: ENV });
      const session = createSession({ policy: {} });
      for (const args of [{}, { command: 1 }, { command: 'ls', extra: true }, null, 'ls']) {
        expect(tool.prepare(args, { session, toolCallId: 'x' }).refusal).toContain('do not match');
      }
    });
  });

  describe('file taint', () => {
    it('should carry the labels of files a command reads into the files it writes, and refuse to run them', async () => {
      const taint = createFileTaintStore();
      const session = createSession({ policy: {}, compile: { homeDir: WORK, cwd: WORK } });
      const tool = shellTool({ cwd: WORK, env: ENV, homeDir: WORK, taint });
      writeFileSync(join(WORK, 'page.txt'), 'echo from the web');
      taint.record(session, join(WORK, 'page.txt'), ['untrusted', 'src:tool:fetch_page']);
      session.registerUserMessage('cat page.txt > script.sh');
      const copy = await runTool({ session, tool, toolCallId: 'copy', args: { command: 'cat page.txt > script.sh' } });
      expect(copy.type).toBe('executed');
      expect(copy.type === 'executed' && copy.record.descriptor.labels).toContain('untrusted');
      expect(taint.labelsOf(session, join(WORK, 'script.sh'))).toEqual(expect.arrayContaining(['untrusted', 'src:tool:fetch_page']));
      session.registerUserMessage('sh script.sh');
      const runIt = await runTool({ session, tool, toolCallId: 'run', args: { command: 'sh script.sh' } });
      expect(runIt).toMatchObject({ type: 'denied', decision: { ruleIds: ['capabilities.danger'] } });
      expect(runIt.prepared.refusal).toContain('written from untrusted data');
    });

    it('should label the output of network commands untrusted', () => {
      const session = createSession({ policy: {} });
      const prepared = shellTool({ cwd: WORK, env: ENV }).prepare({ command: 'curl -s https://example.com' }, { session, toolCallId: 'x' });
      expect(prepared.metadata.output?.labels).toEqual(['untrusted']);
      expect(prepared.metadata.labels).toEqual(expect.arrayContaining(['exfil', 'op:cmd:curl', 'op:cmd:approval']));
      expect(prepared.operation.hosts).toEqual(['example.com']);
    });
  });
});
