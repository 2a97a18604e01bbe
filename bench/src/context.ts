// The cost of async context. The session travels in one AsyncLocalStorage (`session.run`, `getSession()`; the
// engine runs every tool's `execute` inside it). This compares the same async workload with no context at all,
// inside `AsyncLocalStorage.run`, inside `session.run` reading `getSession()`, and outside any context while a
// storage is switched on (on Node < 24 that costs every promise in the process, through a promise hook).
import { createSession, tryGetSession } from '@labelflow/core';
import { FRAMEWORKS, benchPolicy } from './agent-loops.js';
import { script } from './fixtures.js';
import {
  benchStorage,
  disableAsyncContext,
  formatMs,
  formatRatio,
  interleave,
  median,
  medianDifference,
  medianRatio,
  now,
  slug,
  table,
  usesAsyncContextFrame,
  type BenchReport,
} from './harness.js';

export interface ContextOptions {
  /** Awaits in one unit of work (an async tool body, roughly). */
  readonly awaits: number;
  readonly warmup: number;
  readonly rounds: number;
  readonly perRound: number;
  /** `getSession()` calls timed for the per-call cost. */
  readonly reads: number;
  /** Steps of the plain ai@7 run timed with and without a storage switched on (0: skip). */
  readonly aiSteps: number;
  readonly aiRounds: number;
}

export const CONTEXT_DEFAULTS: ContextOptions = { awaits: 50, warmup: 5, rounds: 25, perRound: 2_000, reads: 1_000_000, aiSteps: 20, aiRounds: 15 };

async function leaf(value: number): Promise<number> {
  return value + 1;
}

/** The workload: a chain of awaits, as an async tool body with a few awaited helpers has. */
async function work(awaits: number): Promise<number> {
  let value = 0;
  for (let index = 0; index < awaits; index += 1) value = await leaf(value);
  return value;
}

export async function benchContext(options: ContextOptions = CONTEXT_DEFAULTS): Promise<BenchReport> {
  const storage = benchStorage<{ id: number }>();
  const session = createSession({ policy: benchPolicy() });
  let seen = 0;
  const times = await interleave(
    [
      { name: 'no context (no storage on)', setup: disableAsyncContext, run: () => work(options.awaits) },
      { name: 'AsyncLocalStorage.run', run: () => storage.run({ id: 1 }, () => work(options.awaits)) },
      {
        name: 'session.run + getSession()',
        run: () =>
          session.run(async () => {
            if (tryGetSession() === session) seen += 1;
            await work(options.awaits);
            if (tryGetSession() === session) seen += 1;
          }),
      },
      {
        name: 'no context, a storage switched on',
        setup: () => {
          disableAsyncContext();
          storage.run({ id: 0 }, () => undefined);
        },
        run: () => work(options.awaits),
      },
    ],
    options,
  );
  const base = times['no context (no storage on)'] as number[];
  const metrics: Record<string, number> = {};
  const rows = Object.entries(times).map(([name, samples]) => {
    const ratio = medianRatio(samples, base);
    const perAwait = medianDifference(samples, base) / options.awaits;
    const key = slug(name);
    metrics[`context.${key}.ratio`] = ratio;
    metrics[`context.${key}.perAwaitMs`] = perAwait;
    return [name, formatMs(median(samples)), formatRatio(ratio), name.startsWith('no context (') ? '—' : formatMs(perAwait)];
  });

  // The read itself: `getSession()` inside a session.
  const reads = await session.run(async () => {
    const started = now();
    let found = 0;
    for (let index = 0; index < options.reads; index += 1) if (tryGetSession() !== undefined) found += 1;
    return { ms: now() - started, found };
  });
  const perRead = reads.ms / options.reads;
  metrics['context.getSessionMs'] = perRead;
  metrics['context.sessionSeen'] = seen;

  // What the promise hook costs a real framework step: a plain ai@7 run (no labelflow in it at all) with and
  // without a storage switched on somewhere in the process.
  let aiLine = '';
  const ai = FRAMEWORKS.find((framework) => framework.name.startsWith('ai@7'));
  if (options.aiSteps > 0 && ai !== undefined && !usesAsyncContextFrame()) {
    const run = ai.plain(script(1024, options.aiSteps));
    const aiTimes = await interleave(
      [
        { name: 'off', setup: disableAsyncContext, run },
        { name: 'on', setup: () => void storage.run({ id: 0 }, () => undefined), run },
      ],
      { warmup: 2, rounds: options.aiRounds, perRound: 2 },
    );
    const ratio = medianRatio(aiTimes['on'] as number[], aiTimes['off'] as number[]);
    const perStep = medianDifference(aiTimes['on'] as number[], aiTimes['off'] as number[]) / options.aiSteps;
    metrics['context.aiStepHookRatio'] = ratio;
    metrics['context.aiStepHookMs'] = perStep;
    aiLine = `A plain ai@7 run (${options.aiSteps} steps, 1 KB outputs, no labelflow in it) while a storage is switched on elsewhere in the process: ${formatRatio(ratio)} its time with none on, ${formatMs(perStep)} per step.`;
  }
  disableAsyncContext();
  const text = [
    `Unit of work: an async function awaiting ${options.awaits} async calls. Median of ${options.rounds} interleaved rounds × ${options.perRound.toLocaleString('en-US')} units after ${options.warmup} warm-up rounds; ` +
      `ratio and extra cost per await against the first row, taken within each round. Async context on this Node: ${usesAsyncContextFrame() ? 'AsyncContextFrame (no promise hooks)' : 'async_hooks (a promise hook while any storage is on)'}.`,
    '',
    table(['variant', 'per unit', 'ratio', 'extra per await'], rows),
    '',
    `\`getSession()\` inside \`session.run\`: ${formatMs(perRead)} per call (${options.reads.toLocaleString('en-US')} calls).`,
    ...(aiLine === '' ? [] : ['', aiLine]),
  ].join('\n');
  return { title: 'Async context cost', text, metrics };
}
