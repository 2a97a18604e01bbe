import type { LedgerRecord } from './ledger-record.js';
import { asApproval, asDecision, asToolCall, asToolResult, type DecisionRecord, type ToolResultRecordView } from './record-views.js';

/** Where an argument's labels came from. `inferred` sources were matched by provenance label, not by fragment id. */
export type WhySource =
  | {
      readonly type: 'tool-result';
      readonly toolCallId: string;
      readonly tool: string;
      readonly labels: readonly string[];
      readonly seq: number;
      readonly inferred: boolean;
      /** That call's own arguments, explained the same way (to the depth asked for). */
      readonly arguments?: readonly WhyArgument[];
    }
  | { readonly type: 'user' | 'system' | 'app' }
  | { readonly type: 'credential'; readonly name: string }
  | { readonly type: 'model'; readonly influenced: boolean }
  | { readonly type: 'fragment'; readonly id: string }
  | { readonly type: 'source'; readonly label: string };

/** One argument of an explained call. */
export interface WhyArgument {
  readonly name: string;
  readonly labels: readonly string[];
  readonly digest?: string;
  /** Whether the trust rules read it (only when the ledger recorded the tool's control arguments). */
  readonly control?: boolean;
  readonly sources: readonly WhySource[];
}

/** What `whyToolCall` says about one call. */
export interface WhyReport {
  readonly toolCallId: string;
  readonly tool: string;
  readonly sessionId: string;
  readonly seq: number;
  readonly ts: string;
  readonly decision: DecisionRecord['decision'];
  readonly guards: readonly string[];
  readonly liftedBy?: string;
  readonly arguments: readonly WhyArgument[];
  readonly execution?: { readonly status: 'ok' | 'error'; readonly durationMs: number };
  readonly result?: { readonly labels: readonly string[]; readonly taint: readonly string[] };
  readonly approvals: readonly { readonly approved: boolean; readonly by: string }[];
  /** Other sessions that used the same tool call id (pass `sessionId` to explain one of them). */
  readonly otherSessions: readonly string[];
}

interface Context {
  readonly records: readonly LedgerRecord[];
  readonly sessionId: string;
  readonly depth: number;
  readonly visited: Set<string>;
}

function latest<T extends LedgerRecord>(records: readonly LedgerRecord[], read: (record: LedgerRecord) => T | undefined, accept: (record: T) => boolean): T | undefined {
  for (let index = records.length - 1; index >= 0; index -= 1) {
    const record = read(records[index] as LedgerRecord);
    if (record !== undefined && accept(record)) return record;
  }
  return undefined;
}

function resultSource(context: Context, result: ToolResultRecordView, inferred: boolean, depth: number): WhySource {
  const call = latest(context.records, asDecision, (record) => record.sessionId === context.sessionId && record.toolCallId === result.toolCallId && record.seq < result.seq);
  const key = `${result.sessionId}\u0000${result.toolCallId}`;
  const expand = call !== undefined && depth < context.depth && !context.visited.has(key);
  if (expand) context.visited.add(key);
  const args = expand ? explainArguments(context, call, depth + 1) : undefined;
  return { type: 'tool-result', toolCallId: result.toolCallId, tool: result.tool, labels: result.labels, seq: result.seq, inferred, ...(args === undefined || args.length === 0 ? {} : { arguments: args }) };
}

function resultsBefore(context: Context, before: number, accept: (record: ToolResultRecordView) => boolean): ToolResultRecordView[] {
  return context.records
    .map(asToolResult)
    .filter((record): record is ToolResultRecordView => record !== undefined && record.sessionId === context.sessionId && record.seq < before && accept(record));
}

function fromFragment(context: Context, id: string, before: number, depth: number): WhySource {
  const match = /^tool-result:(.+?)(?::untrusted)?$/u.exec(id);
  if (match !== null) {
    const result = resultsBefore(context, before, (record) => record.toolCallId === match[1]).at(-1);
    return result === undefined ? { type: 'fragment', id } : resultSource(context, result, false, depth);
  }
  if (id.startsWith('user')) return { type: 'user' };
  if (id.startsWith('system')) return { type: 'system' };
  if (id.startsWith('app:')) return { type: 'app' };
  return { type: 'fragment', id };
}

function fromLabel(context: Context, label: string, before: number, depth: number): WhySource[] {
  if (label === 'src:user') return [{ type: 'user' }];
  if (label === 'src:system') return [{ type: 'system' }];
  if (label === 'src:app') return [{ type: 'app' }];
  if (label.startsWith('src:credential:')) return [{ type: 'credential', name: label.slice('src:credential:'.length) }];
  const results = resultsBefore(context, before, (record) =>
    label.startsWith('src:tool:') ? `src:tool:${record.tool}` === label : record.taint.includes(label) && !record.taint.includes(`src:tool:${record.tool}`),
  );
  return results.length === 0 ? [{ type: 'source', label }] : results.map((result) => resultSource(context, result, true, depth));
}

function sourceKey(source: WhySource): string {
  return source.type === 'tool-result' ? `tool-result:${source.toolCallId}` : JSON.stringify(source);
}

function explainArguments(context: Context, decision: DecisionRecord, depth: number): WhyArgument[] {
  const control = decision.controlArgs === undefined ? undefined : new Set(decision.controlArgs);
  return Object.keys(decision.argLabels).map((name) => {
    const labels = decision.argLabels[name] ?? [];
    const fragments = decision.argFragments === undefined || !Object.hasOwn(decision.argFragments, name) ? undefined : decision.argFragments[name];
    const sources =
      fragments === undefined
        ? labels.filter((label) => label.startsWith('src:')).flatMap((label) => fromLabel(context, label, decision.seq, depth))
        : fragments.map((id) => fromFragment(context, id, decision.seq, depth));
    // A value (or part of one) found nowhere was made by the model.
    if (labels.includes('llm')) sources.push({ type: 'model', influenced: labels.includes('influenced') });
    const unique = new Map(sources.map((source) => [sourceKey(source), source]));
    const digest = decision.argDigests !== undefined && Object.hasOwn(decision.argDigests, name) ? decision.argDigests[name] : undefined;
    return {
      name,
      labels,
      ...(digest === undefined ? {} : { digest }),
      ...(control === undefined ? {} : { control: control.size === 0 || control.has(name) }),
      sources: [...unique.values()],
    };
  });
}

/**
 * Explains a tool call from the ledger: the decision, and for each argument its labels and where they came from
 * (the tool results, user prompt, system instructions or app values they were found in, or the model itself),
 * following tool results back through the calls that produced them. With `argFragments` in the decision record
 * the sources are exact; without, they are inferred from the provenance labels (`src:tool:read_inbox` → that
 * session's earlier `read_inbox` results) and marked `inferred`.
 *
 * @param options.sessionId which session's call, when several used the id (default: the latest)
 * @param options.depth how many tool calls back to follow (default 2)
 *
 * @example
 * ```ts
 * const report = whyToolCall(readLedger(store).records, 'call_3');
 * report?.arguments.find((arg) => arg.name === 'to')?.sources; // [{ type: 'tool-result', tool: 'read_inbox', ... }]
 * ```
 */
export function whyToolCall(records: readonly LedgerRecord[], toolCallId: string, { sessionId, depth = 2 }: { sessionId?: string; depth?: number } = {}): WhyReport | undefined {
  const decision = latest(records, asDecision, (record) => record.toolCallId === toolCallId && (sessionId === undefined || record.sessionId === sessionId));
  if (decision === undefined) return undefined;
  const context: Context = { records, sessionId: decision.sessionId, depth, visited: new Set([`${decision.sessionId}\u0000${toolCallId}`]) };
  const same = (record: { sessionId: string; toolCallId: string; seq: number }) => record.sessionId === decision.sessionId && record.toolCallId === toolCallId && record.seq > decision.seq;
  const call = latest(records, asToolCall, same);
  const result = latest(records, asToolResult, same);
  const approvals = records.map(asApproval).filter((record) => record !== undefined && record.sessionId === decision.sessionId && record.toolCallId === toolCallId);
  const others = new Set(records.map(asDecision).filter((record) => record !== undefined && record.toolCallId === toolCallId && record.sessionId !== decision.sessionId).map((record) => record?.sessionId as string));
  return {
    toolCallId,
    tool: decision.tool,
    sessionId: decision.sessionId,
    seq: decision.seq,
    ts: decision.ts,
    decision: decision.decision,
    guards: decision.guards ?? [],
    ...(decision.liftedBy === undefined ? {} : { liftedBy: decision.liftedBy }),
    arguments: explainArguments(context, decision, 0),
    ...(call === undefined ? {} : { execution: { status: call.status, durationMs: call.durationMs } }),
    ...(result === undefined ? {} : { result: { labels: result.labels, taint: result.taint } }),
    approvals: approvals.map((record) => ({ approved: record?.approved === true, by: record?.by ?? '' })),
    otherSessions: [...others],
  };
}
