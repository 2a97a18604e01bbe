// Timing and reporting helpers shared by every benchmark. Benchmarks are not tests: they print ratios measured
// side by side in one process, interleaving the compared variants (A,B,B,A,…) so that drift on a shared, noisy
// machine hits both sides, and report medians (and p50/p99 where single operations are timed).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AsyncLocalStorage } from 'node:async_hooks';

/** A monotonic clock in milliseconds, sub-microsecond resolution. */
export const now = (): number => performance.now();

/** The distribution of a set of samples (all in the unit they were given in). */
export interface Summary {
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

/** The value at quantile `q` (0…1) of sorted samples, by the nearest-rank method. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

export function median(samples: readonly number[]): number {
  return quantile([...samples].sort((a, b) => a - b), 0.5);
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    n: sorted.length,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** One side of a comparison. `setup` runs untimed before each timed batch (e.g. to switch async hooks off). */
export interface Variant {
  readonly name: string;
  readonly run: () => unknown;
  readonly setup?: () => void;
}

export interface InterleaveOptions {
  /** Untimed rounds first (JIT warm-up). */
  readonly warmup: number;
  /** Timed rounds; each runs every variant once, order alternating A,B / B,A. */
  readonly rounds: number;
  /** Iterations of a variant per round (timed together, reported per iteration). */
  readonly perRound: number;
}

/** Per variant, the mean time of one iteration in each round (ms). */
export type RoundTimes = Record<string, number[]>;

const gc = (globalThis as { gc?: () => void }).gc;

/** Collects garbage when the process runs with `--expose-gc` (untimed, between batches). */
export function collectGarbage(): void {
  gc?.();
}

export function hasGc(): boolean {
  return gc !== undefined;
}

/**
 * Runs the variants interleaved: each round times `perRound` iterations of every variant, alternating the order
 * (A,B then B,A) so that a slow phase of the machine is shared. Returns each round's mean per iteration.
 */
export async function interleave(variants: readonly Variant[], options: InterleaveOptions): Promise<RoundTimes> {
  const times: RoundTimes = Object.fromEntries(variants.map((variant) => [variant.name, [] as number[]]));
  for (let round = 0; round < options.warmup + options.rounds; round += 1) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      collectGarbage();
      variant.setup?.();
      const started = now();
      for (let iteration = 0; iteration < options.perRound; iteration += 1) await variant.run();
      const elapsed = (now() - started) / options.perRound;
      if (round >= options.warmup) (times[variant.name] as number[]).push(elapsed);
    }
  }
  return times;
}

/**
 * Times single operations, interleaved one by one (A,B,B,A,…), and returns every sample per variant (ms):
 * the input for p50/p99. `between` runs untimed before each set of samples.
 */
export async function sampleEach(
  variants: readonly Variant[],
  options: { readonly warmup: number; readonly samples: number; readonly between?: () => unknown },
): Promise<RoundTimes> {
  const times: RoundTimes = Object.fromEntries(variants.map((variant) => [variant.name, [] as number[]]));
  for (let index = 0; index < options.warmup + options.samples; index += 1) {
    await options.between?.();
    const order = index % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      variant.setup?.();
      const started = now();
      await variant.run();
      const elapsed = now() - started;
      if (index >= options.warmup) (times[variant.name] as number[]).push(elapsed);
    }
  }
  return times;
}

/** The median over rounds of `numerator / denominator`, each ratio taken within one round. */
export function medianRatio(numerator: readonly number[], denominator: readonly number[]): number {
  const ratios: number[] = [];
  for (let index = 0; index < Math.min(numerator.length, denominator.length); index += 1) {
    ratios.push((numerator[index] as number) / (denominator[index] as number));
  }
  return median(ratios);
}

/** The median over rounds of `a - b` (e.g. the overhead of a wrapped run), each difference taken within one round. */
export function medianDifference(a: readonly number[], b: readonly number[]): number {
  const differences: number[] = [];
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) differences.push((a[index] as number) - (b[index] as number));
  return median(differences);
}

// ---------------------------------------------------------------------------------------------------------------
// Async context hygiene. On Node < 24 (without --experimental-async-context-frame) an enabled AsyncLocalStorage
// installs a promise hook that slows every promise in the process. A baseline that must be measured without any
// context therefore switches the session storage (and any storage the benchmarks made) off before it runs.

const SESSION_STORAGE = Symbol.for('labelflow.session-storage');
const benchStorages = new Set<AsyncLocalStorage<unknown>>();

/** An AsyncLocalStorage the benchmarks can later switch off with `disableAsyncContext`. */
export function benchStorage<T>(): AsyncLocalStorage<T> {
  const storage = new AsyncLocalStorage<T>();
  benchStorages.add(storage as AsyncLocalStorage<unknown>);
  return storage;
}

/** Switches off every AsyncLocalStorage we know of (labelflow's and the benchmarks'); `run` re-enables one. */
export function disableAsyncContext(): void {
  const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<unknown> | undefined>;
  holder[SESSION_STORAGE]?.disable();
  for (const storage of benchStorages) storage.disable();
}

/** Whether this Node keeps async context in frames (no promise hooks): Node 24+, or the experimental flag. */
export function usesAsyncContextFrame(): boolean {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 24 || process.execArgv.includes('--experimental-async-context-frame');
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting.

/** A metric key for a name: words joined by dots. */
export function slug(name: string): string {
  return name.replace(/[^a-z0-9@]+/giu, '.').replace(/^\.+|\.+$/gu, '');
}

/** Milliseconds formatted for a table: µs below 1 ms. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (Math.abs(ms) < 1) return `${(ms * 1000).toFixed(Math.abs(ms) < 0.01 ? 2 : 1)} µs`;
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : String(ratio);
}

export function formatBytes(bytes: number): string {
  const sign = bytes < 0 ? '-' : '';
  const value = Math.abs(bytes);
  if (value < 1024) return `${sign}${value.toFixed(0)} B`;
  if (value < 1024 * 1024) return `${sign}${(value / 1024).toFixed(1)} KB`;
  return `${sign}${(value / 1024 / 1024).toFixed(1)} MB`;
}

/** A Markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** What a benchmark module reports: a title, its tables and notes, and the headline numbers (for tests and docs). */
export interface BenchReport {
  readonly title: string;
  readonly text: string;
  readonly metrics: Readonly<Record<string, number>>;
}

/** The commit measured: `git rev-parse --short HEAD`, `+changes` when the working tree differs (or `unknown`). */
export function revision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', ':(top)packages'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? `${head} + uncommitted changes in packages/` : head;
  } catch {
    return 'unknown';
  }
}

/** The machine a run happened on, for docs/performance.md. */
export function machine(): { node: string; cpu: string; cores: number; date: string; asyncContext: string } {
  let cpu = 'unknown';
  let cores = 0;
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    cpu = /^model name\s*:\s*(.+)$/mu.exec(info)?.[1]?.trim() ?? cpu;
    cores = info.match(/^processor\s*:/gmu)?.length ?? 0;
  } catch {
    // Not Linux: leave it unknown.
  }
  return {
    node: process.version,
    cpu,
    cores,
    date: new Date().toISOString(),
    asyncContext: usesAsyncContextFrame() ? 'AsyncContextFrame' : 'async_hooks (promise hooks)',
  };
}
