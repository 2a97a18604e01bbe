// `pnpm bench:perf`: runs every performance benchmark in one process and prints a Markdown report (the figures in
// docs/performance.md come from it). Not a test: nothing here asserts a time. Options:
//   --quick          smaller sizes and fewer samples (a few seconds per section; for checking the code, not figures)
//   --only=a,b       run only these sections: decision, stages, context, conversation, lookup, memory, whole-run
import { benchContext, CONTEXT_DEFAULTS } from './context.js';
import { benchDecision, DECISION_DEFAULTS } from './decision.js';
import { formatMs, formatRatio, machine, revision, table, type BenchReport } from './harness.js';
import { benchMemory, MEMORY_DEFAULTS } from './memory.js';
import { benchConversation, benchLookup, CONVERSATION_DEFAULTS, LOOKUP_DEFAULTS } from './scaling.js';
import { benchStages, STAGES_DEFAULTS } from './stages.js';
import { benchWholeRun, WHOLE_RUN_DEFAULTS } from './whole-run.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');

// Ordered so that LangChain (whose own AsyncLocalStorage stays switched on once it has run) comes last.
const SECTIONS: readonly (readonly [string, () => Promise<BenchReport>])[] = [
  ['decision', () => benchDecision(quick ? { warmup: 200, samples: 2_000, results: 10 } : DECISION_DEFAULTS)],
  ['stages', () => benchStages(quick ? { sizes: [1024, 100 * 1024], warmup: 5, samples: 30 } : STAGES_DEFAULTS)],
  ['context', () => benchContext(quick ? { awaits: 50, warmup: 2, rounds: 7, perRound: 500, reads: 100_000, aiSteps: 20, aiRounds: 5 } : CONTEXT_DEFAULTS)],
  ['conversation', () => benchConversation(quick ? { checkpoints: [10, 100, 300], outputBytes: 1024, repetitions: 1 } : CONVERSATION_DEFAULTS)],
  ['lookup', () => benchLookup(quick ? { sizes: [10, 10_000, 100_000], samples: 1_000, warmup: 100, naiveBytesBudget: 2e8, probeBudgetMs: 1_000 } : LOOKUP_DEFAULTS)],
  ['memory', () => benchMemory(quick ? { sessions: 1_000, readings: 5, steps: 5, outputBytes: 1024 } : MEMORY_DEFAULTS)],
  ['whole-run', () => benchWholeRun(quick ? { sizes: [1024, 100 * 1024], steps: 20, warmup: 1, rounds: 5, perRound: 1 } : WHOLE_RUN_DEFAULTS)],
];

function verdict(ok: boolean | undefined): string {
  return ok === undefined ? 'n/a' : ok ? 'met' : 'MISSED';
}

/** The DESIGN §4 targets, read off the reports' metrics. */
function targets(metrics: Record<string, number>): string {
  const get = (key: string) => metrics[key];
  const rows: string[][] = [];
  for (const [run, label] of [
    ['engine.engine', 'engine'],
    ['ai@7.adapter', '`@labelflow/vercel-ai`'],
    ['LangChain.adapter', '`@labelflow/langchain`'],
  ] as const) {
    for (const size of [1024, 100 * 1024]) {
      const share = get(`run.${run}.${size}.shareOfAiStep`);
      if (share === undefined || !Number.isFinite(share)) continue;
      rows.push([
        `${label} overhead per step ≤ 5 % of a plain ai@7 step (${size / 1024} KB outputs)`,
        `${formatMs(get(`run.${run}.${size}.overheadPerStepMs`) ?? Number.NaN)} per step = ${(share * 100).toFixed(0)} % of ${formatMs(get(`run.ai@7.plain.${size}.perStepMs`) ?? Number.NaN)}`,
        verdict(share <= 0.05),
      ]);
    }
  }
  const small = get('stage.index.register.untrusted.JSON.1024.p50Ms');
  const large = get('stage.index.register.untrusted.JSON.102400.p50Ms');
  const firstMiss = get('stage.index.first.miss.after.it.indexes.it.102400.p50Ms');
  if (small !== undefined && large !== undefined) {
    rows.push([
      'registering a 100 KB untrusted result: O(1) or close',
      `${formatMs(large)} (1 KB: ${formatMs(small)}); but the next lookup that misses the trusted tier indexes it: ${formatMs(firstMiss ?? Number.NaN)}`,
      `${verdict(large / small < 4)} (the work is deferred, not avoided)`,
    ]);
  }
  const probes = Object.keys(metrics).filter((key) => key.startsWith('lookup.') && key.endsWith('.candidateGrowth'));
  if (probes.length > 0) {
    const name = (key: string) => key.slice('lookup.'.length, -'.candidateGrowth'.length).replace(/\./gu, ' ');
    const slow = probes.filter((key) => (metrics[key] ?? Infinity) > 2);
    const timeGrowth = probes.map((key) => metrics[key.replace('.candidateGrowth', '.growth')] ?? Number.NaN).filter((value) => Number.isFinite(value));
    rows.push([
      'lookups flat in the number of fragments (candidates verified grow ≤ 2× from the smallest to the largest index)',
      `${probes.length - slow.length} of ${probes.length} probes flat in work (p50 grows ${formatRatio(Math.min(...timeGrowth))}–${formatRatio(Math.max(...timeGrowth))})` +
        (slow.length > 0 ? `; not flat: ${slow.map((key) => `${name(key)} (${formatRatio(metrics[key.replace('.candidateGrowth', '.growth')] ?? Number.NaN)})`).join(', ')}` : ''),
      verdict(slow.length === 0),
    ]);
  }
  for (const mode of ['full', 'new'] as const) {
    const growth = get(`conversation.${mode}.growth`);
    if (growth === undefined) continue;
    rows.push([`cost per step flat over a growing conversation, ${mode === 'full' ? 'whole prompt each step' : 'new parts only'} (last/first ≤ 2×)`, formatRatio(growth), verdict(growth <= 2)]);
  }
  const perSession = get('memory.bytesPerSession');
  if (perSession !== undefined) rows.push(['heap flat over sequential sessions (< 100 B retained per session)', `${perSession.toFixed(1)} B per session`, verdict(perSession < 100)]);
  return table(['target (DESIGN §4, issue 6)', 'measured', 'verdict'], rows);
}

async function main(): Promise<void> {
  const host = machine();
  const lines = [
    '# labelflow performance report',
    '',
    `- command: \`pnpm bench:perf${args.length > 0 ? ` ${args.join(' ')}` : ''}\``,
    `- node ${host.node}, ${host.cpu} (${host.cores} logical cores), async context: ${host.asyncContext}`,
    `- date: ${host.date}, commit ${revision()}`,
    `- mode: ${quick ? 'quick (small sizes: checks the code, not figures)' : 'full'}`,
  ];
  console.log(lines.join('\n'));
  const metrics: Record<string, number> = {};
  for (const [name, run] of SECTIONS) {
    if (only !== undefined && !only.includes(name)) continue;
    const started = performance.now();
    const report = await run();
    Object.assign(metrics, report.metrics);
    console.log(`\n## ${report.title}\n\n${report.text}\n\n_(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)_`);
  }
  console.log(`\n## Targets\n\n${targets(metrics)}`);
}

await main();
