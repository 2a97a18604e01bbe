import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './build-cli.js';

/** What one run of the binary did. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `labelflow` binary in `cwd`. */
export function labelflow(cwd: string, ...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs it and parses stdout as JSON. */
export function labelflowJson<T = unknown>(cwd: string, ...args: string[]): { code: number | null; json: T } {
  const run = labelflow(cwd, ...args, '--json');
  return { code: run.code, json: JSON.parse(run.stdout) as T };
}

/** A fresh project folder. */
export function tempProject(): string {
  return mkdtempSync(join(tmpdir(), 'labelflow-cli-'));
}
