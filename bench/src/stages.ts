// Where a wrapped step's time goes: the stages a tool result passes through, each timed alone through the public
// API, beside `JSON.stringify` of the same result (what any framework already pays to show it to a model). This
// is the table to read when the whole-run overhead misses its budget.
import { createContentIndex, createSecretVault, createSession, digestValue, makeDescriptor } from '@labelflow/core';
import { benchPolicy } from './agent-loops.js';
import { nextCallId, toolOutput } from './fixtures.js';
import { formatBytes, formatMs, formatRatio, sampleEach, slug, summarize, table, type BenchReport, type Variant } from './harness.js';

export interface StagesOptions {
  readonly sizes: readonly number[];
  readonly warmup: number;
  readonly samples: number;
}

export const STAGES_DEFAULTS: StagesOptions = { sizes: [1024, 100 * 1024], warmup: 20, samples: 200 };

const TRUSTED = makeDescriptor({ labels: ['trusted'], taint: ['src:tool:list_files'] });
const UNTRUSTED = makeDescriptor({ labels: ['untrusted'], taint: ['src:tool:read_inbox'] });

function stageVariants(size: number): Variant[] {
  const output = toolOutput('read_inbox', size, 42);
  const json = JSON.stringify(output);
  // The same words as prose, not JSON: the index reads JSON twice (the text, then each decoded field).
  const prose = (output as { body: string; subject: string }[]).map((record) => `${record.subject} ${record.body}`).join('\n').slice(0, json.length);
  const vault = createSecretVault();
  vault.add('sk-live-51HxQ2bT9zLmN4');
  let index = createContentIndex();
  let session = createSession({ policy: benchPolicy() });
  const freshIndex = () => void (index = createContentIndex());
  const freshSession = () => void (session = createSession({ policy: benchPolicy() }));
  return [
    { name: 'JSON.stringify (reference)', run: () => JSON.stringify(output) },
    { name: 'digestValue (every tool-result event)', run: () => digestValue(output) },
    { name: 'redact, 1 secret in the vault', run: () => vault.redact(output) },
    { name: 'index: register trusted JSON', setup: freshIndex, run: () => index.register({ id: 'r', content: json, descriptor: TRUSTED }) },
    { name: 'index: register trusted prose', setup: freshIndex, run: () => index.register({ id: 'r', content: prose, descriptor: TRUSTED }) },
    { name: 'index: register untrusted JSON', setup: freshIndex, run: () => index.register({ id: 'r', content: json, descriptor: UNTRUSTED }) },
    {
      name: 'index: first miss after it (indexes it)',
      setup: () => {
        freshIndex();
        index.register({ id: 'r', content: json, descriptor: UNTRUSTED });
      },
      run: () => index.lookup('nobody@nowhere.example'),
    },
    { name: 'session.recordToolResult, untrusted', setup: freshSession, run: () => session.recordToolResult({ toolCallId: nextCallId(), toolName: 'read_inbox', result: output }) },
    { name: 'session.recordToolResult, trusted', setup: freshSession, run: () => session.recordToolResult({ toolCallId: nextCallId(), toolName: 'list_files', result: output }) },
    { name: 'session.runToolCall, read tool', setup: freshSession, run: () => session.runToolCall({ toolName: 'read_inbox', toolCallId: nextCallId(), args: { folder: 'inbox' } }, async () => output) },
  ];
}

export async function benchStages(options: StagesOptions = STAGES_DEFAULTS): Promise<BenchReport> {
  const metrics: Record<string, number> = {};
  const columns: Record<string, string[]> = {};
  const names: string[] = [];
  for (const size of options.sizes) {
    const variants = stageVariants(size);
    const times = await sampleEach(variants, options);
    const reference = summarize(times['JSON.stringify (reference)'] as number[]).p50;
    for (const variant of variants) {
      if (!names.includes(variant.name)) names.push(variant.name);
      const p50 = summarize(times[variant.name] as number[]).p50;
      const key = `stage.${slug(variant.name)}.${size}`;
      metrics[`${key}.p50Ms`] = p50;
      metrics[`${key}.nsPerByte`] = (p50 * 1e6) / size;
      (columns[variant.name] ??= []).push(formatMs(p50), variant.name.startsWith('JSON') ? '1.00×' : formatRatio(p50 / reference));
    }
  }
  const rows = names.map((name) => [name, ...(columns[name] ?? [])]);
  const text = [
    `One ≈${options.sizes.map(formatBytes).join(' / ')} tool result (mail records as JSON) through each stage alone; p50 of ${options.samples} interleaved samples after ${options.warmup} warm-up, ` +
      'and the ratio to `JSON.stringify` of the same result. A fresh index or session per sample (untimed).',
    '',
    table(['stage', ...options.sizes.flatMap((size) => [formatBytes(size), '× stringify'])], rows),
  ].join('\n');
  return { title: 'Where a step goes: the stages of a tool result', text, metrics };
}
