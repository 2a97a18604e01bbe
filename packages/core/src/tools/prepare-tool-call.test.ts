import { describe, expect, it } from 'vitest';
import { createSession } from '../session/create-session.js';
import { prepareToolCall } from './prepare-tool-call.js';
import { shellTool } from './shell-tool.js';

describe('prepareToolCall', () => {
  it('should build the engine call with the per-call metadata and operation', () => {
    const session = createSession({ policy: {} });
    const { call, prepared } = prepareToolCall({ session, tool: shellTool({ cwd: '/work/app', env: { HOME: '/home/u' } }), toolCallId: 'c1', args: { command: 'git status' } });
    expect(call).toEqual({
      toolName: 'shell',
      toolCallId: 'c1',
      args: { command: 'git status' },
      metadata: { labels: ['op:cmd', 'op:cmd:git', 'op:cmd:git:status'], controlArgs: ['command'], output: { labels: [] } },
      operation: { commands: [['git', 'status']], paths: [] },
    });
    expect(prepared.summary).toBe('runs `git status`');
  });

  it('should let an adapter decide first and execute later with the bound executor', async () => {
    const session = createSession({ policy: {} });
    session.registerUserMessage('echo decided-then-run');
    const { call, execute } = prepareToolCall({ session, tool: shellTool({ cwd: process.cwd() }), toolCallId: 'c2', args: { command: 'echo decided-then-run' } });
    const check = await session.checkToolCall(call);
    expect(check.decision.type).toBe('allow');
    await expect(session.run(() => execute(check.args ?? {}, { credentials: {}, toolCallId: 'c2' }))).resolves.toMatchObject({ stdout: 'decided-then-run\n' });
  });
});
