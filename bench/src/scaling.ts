// Scaling. (1) Cost per step at steps 10, 100 and 1,000 of one growing conversation: must stay flat (the prompt is
// indexed once, never rescanned). (2) Lookup cost with 10, 10k and 1M indexed fragments: must stay flat, against a
// naive scan over the fragments for contrast.
import { createContentIndex, createSession, joinDescriptors, makeDescriptor, type ContentIndex, type Descriptor, type ContentIndexStats, type PromptPart, type Session } from '@labelflow/core';
import { benchPolicy } from './agent-loops.js';
import { SYSTEM_PROMPT, USER_MESSAGE, nextCallId, random, script, type ScriptStep } from './fixtures.js';
import { collectGarbage, disableAsyncContext, formatBytes, formatMs, formatRatio, median, now, sampleEach, slug, summarize, table, type BenchReport } from './harness.js';

// ---------------------------------------------------------------------------------------------------------------
// (1) A growing conversation.

export interface ConversationOptions {
  /** Steps measured (the longest conversation). */
  readonly checkpoints: readonly number[];
  /** Tool output size. */
  readonly outputBytes: number;
  /** Whole conversations run (each is a fresh session). */
  readonly repetitions: number;
}

export const CONVERSATION_DEFAULTS: ConversationOptions = { checkpoints: [10, 100, 1000], outputBytes: 1024, repetitions: 3 };

interface Stepper {
  readonly name: string;
  step(step: ScriptStep): Promise<void>;
}

function plainStepper(): Stepper {
  const messages: PromptPart[] = [
    { key: 'system', role: 'system', content: SYSTEM_PROMPT },
    { key: 'user:0', role: 'user', content: USER_MESSAGE },
  ];
  return {
    name: 'plain',
    async step(step) {
      const toolCallId = nextCallId();
      messages.push({ key: `assistant:${toolCallId}`, role: 'assistant', content: JSON.stringify({ tool: step.toolName, args: step.args }) });
      const result = await (async () => step.output)();
      messages.push({ key: `tool:${toolCallId}`, role: 'tool', toolCallId, content: JSON.stringify(result) });
    },
  };
}

function wrappedStepper(session: Session, mode: 'full' | 'new'): Stepper {
  const messages: PromptPart[] = [
    { key: 'system', role: 'system', content: SYSTEM_PROMPT },
    { key: 'user:0', role: 'user', content: USER_MESSAGE },
  ];
  let recorded = 0;
  return {
    name: mode === 'full' ? 'labelflow, whole prompt each step' : 'labelflow, new prompt parts only',
    async step(step) {
      session.recordModelCall({ parts: mode === 'full' ? messages : messages.slice(recorded) });
      recorded = messages.length;
      const toolCallId = nextCallId();
      messages.push({ key: `assistant:${toolCallId}`, role: 'assistant', content: JSON.stringify({ tool: step.toolName, args: step.args }) });
      const outcome = await session.runToolCall({ toolName: step.toolName, toolCallId, args: step.args }, async () => step.output);
      if (outcome.type !== 'executed') throw new Error(`scaling: ${step.toolName} was not executed: ${outcome.decision.message}`);
      messages.push({ key: `tool:${toolCallId}`, role: 'tool', toolCallId, content: JSON.stringify(outcome.result) });
    },
  };
}

/** The steps around a checkpoint whose median stands for it (fewer around small checkpoints). */
function window(checkpoint: number): [number, number] {
  const half = Math.max(2, Math.floor(checkpoint / 20));
  return [Math.max(1, checkpoint - half), checkpoint + half];
}

export async function benchConversation(options: ConversationOptions = CONVERSATION_DEFAULTS): Promise<BenchReport> {
  const last = Math.max(...options.checkpoints);
  const total = window(last)[1];
  const steps = script(options.outputBytes, total);
  const policy = benchPolicy();
  const names = ['plain', 'labelflow, whole prompt each step', 'labelflow, new prompt parts only'];
  // per name, per checkpoint: the window medians of each repetition
  const perCheckpoint: Record<string, number[][]> = Object.fromEntries(names.map((name) => [name, options.checkpoints.map(() => [])]));
  const contextSources: number[] = options.checkpoints.map(() => 0);
  // Warm-up: a short conversation of each kind, untimed, so step 10 is not measured on cold code.
  const warm = [plainStepper(), wrappedStepper(createSession({ policy }), 'full'), wrappedStepper(createSession({ policy }), 'new')];
  for (let index = 0; index < Math.min(60, total); index += 1) for (const stepper of warm) await stepper.step(steps[index] as ScriptStep);
  for (let repetition = 0; repetition < options.repetitions; repetition += 1) {
    const probe = createSession({ policy });
    const steppers = [plainStepper(), wrappedStepper(probe, 'full'), wrappedStepper(createSession({ policy }), 'new')];
    const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
    for (let index = 0; index < total; index += 1) {
      const step = steps[index] as ScriptStep;
      const at = options.checkpoints.indexOf(index);
      if (at !== -1) contextSources[at] = probe.context.sources.length;
      // Interleaved step by step, the order rotating, so the three conversations grow side by side.
      const order = steppers.map((_, offset) => steppers[(index + offset) % steppers.length] as Stepper);
      for (const stepper of order) {
        if (stepper.name === 'plain') disableAsyncContext();
        const started = now();
        await stepper.step(step);
        (times[stepper.name] as number[]).push(now() - started);
      }
    }
    options.checkpoints.forEach((checkpoint, at) => {
      const [from, to] = window(checkpoint);
      for (const name of names) (perCheckpoint[name]?.[at] as number[]).push(median((times[name] as number[]).slice(from - 1, to)));
    });
  }
  const metrics: Record<string, number> = {};
  const rows = names.map((name) => {
    const medians = options.checkpoints.map((_, at) => median(perCheckpoint[name]?.[at] as number[]));
    const growth = (medians[medians.length - 1] as number) / (medians[0] as number);
    const key = name === 'plain' ? 'plain' : name.includes('whole') ? 'full' : 'new';
    options.checkpoints.forEach((checkpoint, at) => (metrics[`conversation.${key}.step${checkpoint}Ms`] = medians[at] as number));
    metrics[`conversation.${key}.growth`] = growth;
    return [name, ...medians.map(formatMs), formatRatio(growth)];
  });
  // Why a step can grow: the session's context joins every fragment's descriptor, sources included.
  const joinRows: string[][] = [];
  for (const [at, checkpoint] of options.checkpoints.entries()) {
    const sources = Array.from({ length: contextSources[at] ?? checkpoint }, (_, index) => `call_ctx_${checkpoint}_${index}`);
    const context = makeDescriptor({ labels: ['pii', 'untrusted'], taint: ['src:tool:read_inbox', 'src:user'], sources });
    let fresh: Descriptor = context;
    const joins = await sampleEach(
      [
        {
          name: 'join',
          setup: () => void (fresh = makeDescriptor({ labels: ['untrusted'], taint: ['src:tool:read_inbox'], sources: [nextCallId()] })),
          run: () => joinDescriptors(context, fresh),
        },
      ],
      { warmup: 20, samples: 300 },
    );
    const p50 = summarize(joins['join'] as number[]).p50;
    metrics[`conversation.join.${checkpoint}.p50Ms`] = p50;
    joinRows.push([checkpoint.toLocaleString('en-US'), String(sources.length), formatMs(p50)]);
  }
  const text = [
    `One conversation per row, grown step by step to ${total} steps (the 20 scripted calls cycling, ≈${Math.round(options.outputBytes / 1024)} KB outputs, every output distinct), ` +
      `the three interleaved step by step. Each cell: the median step time in a window around the step, median over ${options.repetitions} conversations. ` +
      `Last column: last checkpoint / first (flat = 1.00×).`,
    '',
    table(['conversation', ...options.checkpoints.map((checkpoint) => `step ${checkpoint.toLocaleString('en-US')}`), 'growth'], rows),
    '',
    '`session.context.sources` at each step (every tool call id seen so far), and what joining one fresh tool result into a context of that many sources costs (`joinDescriptors`, p50 of 300; every step does several such joins):',
    '',
    table(['step', 'context sources', 'one join'], joinRows),
  ].join('\n');
  return { title: 'Scaling: cost per step in a growing conversation', text, metrics };
}

// ---------------------------------------------------------------------------------------------------------------
// (2) Lookup cost against the number of indexed fragments.

export interface LookupOptions {
  readonly sizes: readonly number[];
  readonly samples: number;
  readonly warmup: number;
  /** Upper bound on the bytes a naive scan reads per row (it gets fewer samples as the index grows). */
  readonly naiveBytesBudget: number;
  /** Time budget per probe: a slow probe gets fewer samples (at least 30). */
  readonly probeBudgetMs: number;
}

export const LOOKUP_DEFAULTS: LookupOptions = { sizes: [10, 10_000, 1_000_000], samples: 5_000, warmup: 500, naiveBytesBudget: 2e9, probeBudgetMs: 4_000 };

const DOMAINS = ['corp.io', 'northwind.example', 'vendor.net', 'shop.example'];
const FILLER = 'please review the attached invoice before the meeting and send the final report to the team'.split(' ');

/** Fragment `i`: a short, realistic line with an e-mail address, an amount, a URL, an id and a few common words. */
export function lookupFragment(index: number): string {
  const next = random(index + 1);
  const words = [0, 1, 2].map(() => FILLER[Math.floor(next() * FILLER.length)]).join(' ');
  return `INV-${index} from acct${index}@${DOMAINS[index % DOMAINS.length]} for ${index}.${index % 100} EUR, https://${DOMAINS[index % DOMAINS.length]}/d/${index} ${words}`;
}

export interface Probe {
  readonly name: string;
  /** A value to look up, given a random fragment index. */
  readonly value: (index: number) => string | number;
}

export const PROBES: readonly Probe[] = [
  { name: 'e-mail, present', value: (index) => `acct${index}@${DOMAINS[index % DOMAINS.length]}` },
  { name: 'e-mail, absent', value: (index) => `nobody${index}@elsewhere.example` },
  { name: 'URL, present', value: (index) => `https://${DOMAINS[index % DOMAINS.length]}/d/${index}` },
  { name: 'number, present', value: (index) => Number(`${index}.${index % 100}`) },
  { name: 'id (text), present', value: (index) => `INV-${index}` },
  { name: 'text of rare words, absent', value: (index) => `Corvina quarterly ledger ${index}` },
  { name: 'text of common words, absent', value: () => 'review the attached meeting invoice' },
];

/** A naive scan: every fragment, `indexOf` with a whole-value boundary check. What the index exists to avoid. */
export function naiveLookup(fragments: readonly string[], value: string | number): boolean {
  const needle = String(value);
  for (const fragment of fragments) {
    let at = fragment.indexOf(needle);
    while (at !== -1) {
      const before = fragment.charCodeAt(at - 1);
      const after = fragment.charCodeAt(at + needle.length);
      if (!isWordish(before) && !isWordish(after)) return true;
      at = fragment.indexOf(needle, at + 1);
    }
  }
  return false;
}

function isWordish(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 64 || code === 45;
}

interface BuiltIndex {
  readonly size: number;
  readonly index: ContentIndex;
  readonly stats: ContentIndexStats;
  readonly fragments: string[];
  readonly buildMs: number;
  /** Memory the index holds beyond its fragments' text: JS heap plus typed-array storage (after GC when `--expose-gc`, else approximate). */
  readonly heapBytes: number;
}

/** Registers `size` fragments, half trusted, half untrusted (the untrusted half is indexed by the first miss). */
export function buildIndex(size: number): BuiltIndex {
  const stats: ContentIndexStats = { lookups: 0, candidates: 0, indexedFragments: 0 };
  const index = createContentIndex({ stats });
  const trusted = makeDescriptor({ labels: ['trusted'], taint: ['src:user'] });
  const untrusted = makeDescriptor({ labels: ['untrusted'], taint: ['src:tool:read_inbox'] });
  const fragments: string[] = [];
  // A round trip makes each text one flat string, as a tool result is: a template literal may be a rope, which the
  // index would flatten and the flattening would count as the index's memory.
  for (let at = 0; at < size; at += 1) fragments.push(JSON.parse(JSON.stringify(lookupFragment(at))) as string);
  collectGarbage();
  const heapBefore = heldMemory();
  const started = now();
  fragments.forEach((content, at) => index.register({ id: `f${at}`, content, descriptor: at % 2 === 0 ? trusted : untrusted }));
  index.lookup('nobody@nowhere.example');
  const buildMs = now() - started;
  collectGarbage();
  return { size, index, stats, fragments, buildMs, heapBytes: heldMemory() - heapBefore };
}

// The index keeps its postings in typed arrays, whose storage lives outside the JS heap.
function heldMemory(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

export async function benchLookup(options: LookupOptions = LOOKUP_DEFAULTS): Promise<BenchReport> {
  const built = options.sizes.map(buildIndex);
  const metrics: Record<string, number> = {};
  for (const item of built) {
    metrics[`lookup.build.${item.size}.ms`] = item.buildMs;
    metrics[`lookup.build.${item.size}.heapBytesPerFragment`] = item.heapBytes / item.size;
  }
  const rows: string[][] = [];
  const pick = random(99);
  for (const probe of PROBES) {
    // The same random fragment for every index size that has it, interleaved across sizes.
    let target = 0;
    // Calibrate: a probe whose cost grows with the index gets fewer samples, within the time budget.
    let perSample = 0;
    for (const item of built) {
      const started = now();
      for (let trial = 0; trial < 5; trial += 1) item.index.lookup(probe.value(Math.floor(pick() * 1e9) % item.size));
      perSample += (now() - started) / 5;
    }
    const samples = Math.max(30, Math.min(options.samples, Math.floor(options.probeBudgetMs / perSample)));
    const warmup = Math.min(options.warmup, Math.ceil(samples / 10));
    const candidatesBefore = built.map((item) => item.stats.candidates);
    const times = await sampleEach(
      built.map((item) => ({ name: String(item.size), run: () => item.index.lookup(probe.value(target % item.size)) })),
      { warmup, samples, between: () => void (target = Math.floor(pick() * 1e9)) },
    );
    const cells = built.map((item, at) => {
      const p50 = summarize(times[String(item.size)] as number[]).p50;
      metrics[`lookup.${slug(probe.name)}.${item.size}.p50Ms`] = p50;
      const candidates = (item.stats.candidates - (candidatesBefore[at] as number)) / (samples + warmup);
      metrics[`lookup.${slug(probe.name)}.${item.size}.candidates`] = candidates;
      return `${formatMs(p50)} (${candidates < 10 ? candidates.toFixed(1) : Math.round(candidates)})`;
    });
    const first = summarize(times[String(built[0]?.size)] as number[]).p50;
    const lastSize = built[built.length - 1] as BuiltIndex;
    const growth = summarize(times[String(lastSize.size)] as number[]).p50 / first;
    metrics[`lookup.${slug(probe.name)}.growth`] = growth;
    // The naive scan, fewer samples on big sets: its cost is the point.
    const naive = built.map((item) => {
      const bytes = item.fragments.reduce((total, fragment) => total + fragment.length, 0);
      const samples = Math.max(5, Math.min(options.samples, Math.floor(options.naiveBytesBudget / bytes / PROBES.length)));
      const taken: number[] = [];
      for (let sample = 0; sample < samples; sample += 1) {
        const value = probe.value(Math.floor(pick() * 1e9) % item.size);
        const started = now();
        naiveLookup(item.fragments, value);
        taken.push(now() - started);
      }
      const p50 = summarize(taken).p50;
      metrics[`naive.${slug(probe.name)}.${item.size}.p50Ms`] = p50;
      return p50;
    });
    const indexLast = summarize(times[String(lastSize.size)] as number[]).p50;
    const firstCandidates = metrics[`lookup.${slug(probe.name)}.${built[0]?.size}.candidates`] ?? 0;
    const lastCandidates = metrics[`lookup.${slug(probe.name)}.${lastSize.size}.candidates`] ?? 0;
    metrics[`lookup.${slug(probe.name)}.candidateGrowth`] = (lastCandidates + 1) / (firstCandidates + 1);
    rows.push([probe.name, samples.toLocaleString('en-US'), ...cells, formatRatio(growth), ...naive.map(formatMs), formatRatio((naive[naive.length - 1] as number) / indexLast)]);
  }
  const sizes = built.map((item) => item.size.toLocaleString('en-US'));
  const text = [
    `Fragments: short lines (≈90 B) with an e-mail address, an amount, a URL, an id and three common words; half trusted, half untrusted. ` +
      `Index build (register all + first miss) and the memory it holds (JS heap and typed arrays): ${built
        .map((item) => `${item.size.toLocaleString('en-US')}: ${formatMs(item.buildMs)}, ${formatBytes(item.heapBytes)} (${formatBytes(item.heapBytes / item.size)} per fragment)`)
        .join('; ')}. ` +
      `Cells: p50 per lookup over random probes (up to ${options.samples.toLocaleString('en-US')}, fewer for a probe that would take more than ${options.probeBudgetMs / 1000} s), interleaved across sizes, with the mean number of candidate positions verified in brackets. ` +
      'Naive: a scan of every fragment with `indexOf` and a boundary check (fewer samples on large sets).',
    '',
    table(['lookup', 'samples', ...sizes.map((size) => `index ${size}`), 'growth', ...sizes.map((size) => `naive ${size}`), `naive/index at ${sizes[sizes.length - 1]}`], rows),
  ].join('\n');
  return { title: 'Scaling: lookup cost against indexed fragments', text, metrics };
}
