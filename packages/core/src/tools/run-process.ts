import { spawn } from 'node:child_process';

/** What a finished process left: exit status, output (capped) and whether it was stopped or cut. */
export interface ProcessResult {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  /** True when stdout or stderr went past `maxOutputBytes` and was cut. */
  readonly truncated: boolean;
}

/** How to run one process. */
export interface RunProcessOptions {
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
}

/**
 * Spawns a program without a shell, in its own process group, with no input. On timeout the whole group is
 * killed; when the program exits, whatever it left running in its group is killed too, so nothing outlives the
 * call. Output beyond `maxOutputBytes` per stream is dropped and `truncated` is set. A program that cannot be
 * started gives exit code 127, as a shell would.
 *
 * @example
 * ```ts
 * const result = await runProcess({ file: 'git', args: ['status'], cwd: '/work/app', env: { PATH: '/usr/bin' }, timeoutMs: 30_000, maxOutputBytes: 65_536 });
 * ```
 */
export function runProcess({ file, args, cwd, env, timeoutMs, maxOutputBytes }: RunProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(file, [...args], { cwd, env: { ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true, windowsHide: true });
    const stdout = capped(maxOutputBytes);
    const stderr = capped(maxOutputBytes);
    let timedOut = false;
    let settled = false;
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.stdout.on('data', stdout.push);
    child.stderr.on('data', stderr.push);
    const finish = (result: Omit<ProcessResult, 'truncated' | 'timedOut'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      killGroup();
      resolve({ ...result, timedOut, truncated: stdout.truncated() || stderr.truncated() });
    };
    // Background jobs would hold the output pipes open until the timeout: end them when the program exits.
    child.on('exit', killGroup);
    child.on('error', (error) => finish({ exitCode: 127, signal: null, stdout: stdout.text(), stderr: `${file}: ${error.message}` }));
    child.on('close', (exitCode, signal) => finish({ exitCode, signal, stdout: stdout.text(), stderr: stderr.text() }));
  });
}

function capped(limit: number): { push: (chunk: Buffer) => void; text: () => string; truncated: () => boolean } {
  const chunks: Buffer[] = [];
  let size = 0;
  let cut = false;
  return {
    push: (chunk) => {
      const room = limit - size;
      if (room <= 0) {
        cut = true;
        return;
      }
      const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
      cut ||= kept.length < chunk.length;
      chunks.push(kept);
      size += kept.length;
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
    truncated: () => cut,
  };
}
