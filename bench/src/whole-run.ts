// Whole-run overhead: the same scripted agent run with and without labelflow, per framework and tool-output size,
// interleaved in one process. Reports the ratio wrapped/unwrapped, the overhead per step, and that overhead as a
// share of a plain ai@7 step (DESIGN §4: a 5 % budget on ≈0.5 ms per step with 1 KB outputs, ≈1 ms with 100 KB).
import { FRAMEWORKS, adapterStatus, benchPolicy, type RunFramework, type Wrapping } from './agent-loops.js';
import { script } from './fixtures.js';
import {
  disableAsyncContext,
  formatBytes,
  formatMs,
  formatRatio,
  interleave,
  median,
  medianDifference,
  medianRatio,
  slug,
  table,
  type BenchReport,
  type Variant,
} from './harness.js';

export interface WholeRunOptions {
  /** Tool output sizes in bytes. */
  readonly sizes: readonly number[];
  /** Steps (tool calls) per run. */
  readonly steps: number;
  readonly warmup: number;
  readonly rounds: number;
  readonly perRound: number;
  /** Framework names to run (default: all). */
  readonly frameworks?: readonly string[];
}

export const WHOLE_RUN_DEFAULTS: WholeRunOptions = { sizes: [1024, 100 * 1024], steps: 20, warmup: 2, rounds: 11, perRound: 2 };

interface Row {
  readonly framework: RunFramework;
  readonly wrapping: Wrapping;
  readonly size: number;
  readonly plain: number;
  readonly wrapped: number;
  readonly ratio: number;
  readonly overheadPerStep: number;
}

export async function benchWholeRun(options: WholeRunOptions = WHOLE_RUN_DEFAULTS): Promise<BenchReport> {
  const policy = benchPolicy();
  const rows: Row[] = [];
  const problems: string[] = [];
  const frameworks = FRAMEWORKS.filter((framework) => options.frameworks === undefined || options.frameworks.includes(framework.name));
  for (const framework of frameworks) {
    for (const size of options.sizes) {
      const steps = script(size, options.steps);
      const variants: Variant[] = [{ name: 'plain', run: framework.plain(steps), setup: disableAsyncContext }];
      const wrappings: Wrapping[] = [];
      for (const wrapping of framework.wrappings) {
        const run = wrapping.make(steps, policy);
        // One checked run first: a benign run must execute every call, or the comparison is not like for like.
        try {
          const check = await run();
          if (check.executed !== check.steps) {
            problems.push(`${framework.name} (${wrapping.name}), ${formatBytes(size)}: ${check.steps - check.executed} of ${check.steps} calls not executed: ${check.denied.join('; ')}`);
          }
        } catch (error) {
          problems.push(`${framework.name} (${wrapping.name}), ${formatBytes(size)}: not measured, the run failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          continue;
        }
        wrappings.push(wrapping);
        variants.push({ name: wrapping.name, run });
      }
      // The baseline runs with no async context switched on (see harness.disableAsyncContext); all interleaved.
      const times = await interleave(variants, options);
      const plainTimes = times['plain'] as number[];
      for (const wrapping of wrappings) {
        const wrappedTimes = times[wrapping.name] as number[];
        rows.push({
          framework,
          wrapping,
          size,
          plain: median(plainTimes),
          wrapped: median(wrappedTimes),
          ratio: medianRatio(wrappedTimes, plainTimes),
          overheadPerStep: medianDifference(wrappedTimes, plainTimes) / options.steps,
        });
      }
    }
  }

  const metrics: Record<string, number> = {};
  const frameworkKey = (framework: RunFramework) => slug(framework.name.split(' ')[0] ?? '');
  const aiStep = (size: number) => {
    const row = rows.find((item) => item.framework.name.startsWith('ai@7') && item.size === size);
    return row === undefined ? Number.NaN : row.plain / options.steps;
  };
  const tableRows = rows.map((row) => {
    const key = `run.${frameworkKey(row.framework)}.${slug(row.wrapping.name)}.${row.size}`;
    const budget = row.overheadPerStep / aiStep(row.size);
    metrics[`run.${frameworkKey(row.framework)}.plain.${row.size}.perStepMs`] = row.plain / options.steps;
    metrics[`${key}.ratio`] = row.ratio;
    metrics[`${key}.overheadPerStepMs`] = row.overheadPerStep;
    metrics[`${key}.shareOfAiStep`] = budget;
    return [
      row.framework.name,
      row.wrapping.name,
      formatBytes(row.size),
      formatMs(row.plain),
      formatMs(row.wrapped),
      formatRatio(row.ratio),
      formatMs(row.plain / options.steps),
      formatMs(row.overheadPerStep),
      Number.isFinite(budget) ? `${(budget * 100).toFixed(1)} %` : 'n/a',
    ];
  });
  const status = await adapterStatus();
  const text = [
    `${options.steps} scripted steps per run (every tool output ≈ the size shown), median of ${options.rounds} interleaved rounds × ${options.perRound} runs after ${options.warmup} warm-up rounds. ` +
      'Ratio = median over rounds of wrapped/plain within the round; overhead = median (wrapped − plain) / steps. ' +
      'Budget = overhead per step as a share of a plain ai@7 step of the same output size (target ≤ 5 %).',
    '',
    table(['run', 'labelflow', 'output', 'plain / run', 'labelflow / run', 'ratio', 'plain / step', 'overhead / step', 'of an ai@7 step'], tableRows),
    '',
    ...frameworks.flatMap((framework) => framework.wrappings.map((wrapping) => `- ${framework.name}, ${wrapping.name}: ${wrapping.wiring}.`)),
    ...Object.entries(status).map(([name, state]) => `- \`${name}\`: ${state}.`),
    ...problems.map((problem) => `- **${problem}**`),
  ].join('\n');
  return { title: 'Whole-run overhead', text, metrics };
}
