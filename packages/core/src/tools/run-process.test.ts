import { describe, expect, it } from 'vitest';
import { runProcess } from './run-process.js';

const BASE = { cwd: process.cwd(), env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' }, timeoutMs: 5000, maxOutputBytes: 1000 };

describe('runProcess', () => {
  it('should run a program without a shell and collect its output and exit code', async () => {
    expect(await runProcess({ ...BASE, file: 'sh', args: ['-c', 'echo out; echo err >&2; exit 3'] })).toEqual({
      exitCode: 3,
      signal: null,
      stdout: 'out\n',
      stderr: 'err\n',
      timedOut: false,
      truncated: false,
    });
    expect((await runProcess({ ...BASE, file: 'echo', args: ['$HOME', '*'] })).stdout).toBe('$HOME *\n');
  });

  it('should give exit code 127 for a program that cannot start', async () => {
    expect(await runProcess({ ...BASE, file: 'no-such-program-xyz', args: [] })).toMatchObject({ exitCode: 127, stderr: expect.stringContaining('no-such-program-xyz') });
  });

  it('should kill the process group on timeout', async () => {
    const started = Date.now();
    expect(await runProcess({ ...BASE, file: 'sh', args: ['-c', 'sleep 10 & sleep 10'], timeoutMs: 100 })).toMatchObject({ timedOut: true, signal: 'SIGKILL' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('should cap each stream and say so', async () => {
    const result = await runProcess({ ...BASE, file: 'sh', args: ['-c', 'yes | head -c 5000; yes e | head -c 5000 >&2'], maxOutputBytes: 10 });
    expect([result.stdout.length, result.stderr.length, result.truncated]).toEqual([10, 10, true]);
  });

  it('should pass only the given environment', async () => {
    expect((await runProcess({ ...BASE, file: 'env', args: [], env: { ONLY: '1', PATH: BASE.env.PATH } })).stdout.trim().split('\n').sort()).toEqual(['ONLY=1', `PATH=${BASE.env.PATH}`]);
  });
});
