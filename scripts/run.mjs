#!/usr/bin/env node
// Entry point for the README's commands (`npm run demo`, `npm test`). It installs the workspace on first use
// with pnpm (from the npm registry, so a machine with only Node and npm works), then runs the task.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM = 'pnpm@12.21.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [task = 'test', ...rest] = process.argv.slice(2);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function hasPnpm() {
  const probe = spawnSync('pnpm', ['--version'], { stdio: 'ignore' });
  return probe.status === 0;
}

function pnpm(args) {
  return hasPnpm() ? run('pnpm', args) : run('npx', ['--yes', PNPM, ...args]);
}

function ensureInstalled() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lockfile = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs) return;
  console.log('labelflow: installing the workspace (first run)...');
  const status = pnpm(['install', '--frozen-lockfile', '--reporter=silent']);
  if (status !== 0) process.exit(status);
}

function runTests() {
  const outDir = join(root, '.test-results');
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, `vitest-${process.version}.json`);
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const status = run(process.execPath, [
    vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile=${outFile}`, ...rest,
  ]);
  let passed = 0;
  let failed = 0;
  if (existsSync(outFile)) {
    const report = JSON.parse(readFileSync(outFile, 'utf8'));
    passed = report.numPassedTests ?? 0;
    // Failed tests, plus test files that failed without running a test (a file that does not load).
    const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0);
    failed = (report.numFailedTests ?? 0) + brokenFiles.length;
  } else {
    failed = 1;
  }
  console.log(`node ${process.version}`);
  console.log(`${passed} passed, ${failed} failed`);
  // A run in which nothing ran proves nothing: treat it as a failure.
  if (status !== 0 || failed > 0 || passed === 0) process.exit(status || 1);
}

// Runs a TypeScript entry point against the workspace sources (no build step needed).
function tsx(script, nodeArgs = []) {
  const cli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return run(process.execPath, [cli, '--conditions=@labelflow/source', ...nodeArgs, script, ...rest]);
}

ensureInstalled();
switch (task) {
  case 'test':
    runTests();
    break;
  case 'demo':
    process.exit(tsx('examples/vercel-ai/attack-demo.ts'));
    break;
  case 'bench:security':
    process.exit(tsx('scripts/bench-security.ts'));
    break;
  case 'bench:perf':
    // Benchmarks, not tests: they print a report (see docs/performance.md). `--expose-gc` for the memory benchmark,
    // a larger heap for the index of 1M fragments.
    process.exit(tsx('bench/src/main.ts', ['--expose-gc', '--max-old-space-size=8192']));
    break;
  case 'schema':
    process.exit(tsx('scripts/write-policy-schema.ts'));
    break;
  default:
    console.error(`labelflow: unknown task \`${task}\`; use \`test\`, \`demo\`, \`schema\`, \`bench:security\` or \`bench:perf\``);
    process.exit(2);
}
