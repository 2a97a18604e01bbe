import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root and the core package. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CORE = join(ROOT, 'packages', 'core');
/** The built binary, as `bin.labelflow` in packages/core/package.json names it. */
export const CLI = join(CORE, 'dist', 'cli', 'main.js');
const LOCK = join(CORE, '.cli-build-lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function fresh(): boolean {
  return existsSync(CLI) && statSync(CLI).mtimeMs >= newestSource(join(CORE, 'src'));
}

/**
 * Builds `@labelflow/core` with `tsc` (its `build` script) unless `dist/` is newer than every source, so the
 * CLI tests run the real binary. Test files run in parallel workers: a lock folder makes one build and the others
 * wait for it. Type errors elsewhere in the package do not stop tsc from emitting; only a missing binary fails.
 */
export async function buildCli(): Promise<string> {
  if (fresh()) return CLI;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a worker that died mid-build is taken over after two minutes.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock !== undefined && Date.now() - lock.mtimeMs > 120_000) rmdirSync(LOCK, { recursive: false });
      if (Date.now() > deadline) throw new Error('timed out waiting for another worker to build the CLI');
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  try {
    if (fresh()) return CLI;
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', join(CORE, 'tsconfig.json')], { cwd: CORE, encoding: 'utf8' });
    if (!existsSync(CLI)) throw new Error(`tsc did not produce ${CLI}:\n${result.stdout}\n${result.stderr}`);
    return CLI;
  } finally {
    rmdirSync(LOCK);
  }
}
