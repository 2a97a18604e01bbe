import type { SessionEvent } from '@labelflow/core';
import type { NormalisedEvent } from './parity-types.js';

/**
 * The normalisation applied to every path's `SessionEvent` stream before the streams are compared
 * (docs/parity.md lists each rule and why it is inherent to a framework, not to labelflow):
 *
 * 1. **Identity and time go**: `sessionId`, `seq`, `ts` and `tool-call.durationMs`.
 * 2. **Lifecycle events go**: `session-start`, `session-end` (the Vercel adapter's implicit sessions never end;
 *    LangChain ends a thread-less run's session in `afterAgent`; the core harness ends its own).
 * 3. **Fragment ids of messages become roles**: a prompt part's key is the adapter's (Vercel keys user text by
 *    content, LangChain by message id, the core harness by position), so `user:…`, `human:…` and `human#…`
 *    become `user-message` (and likewise system and assistant messages). Tool-result fragments keep their key
 *    (`tool-result:<tool call id>`: the ids are the scenario's, the same on every path).
 * 4. **Labels are sets**: every label list is sorted.
 * 5. **Parallel calls are grouped by call**: inside one model step (between two `model-call` events), events are
 *    stably ordered by the position of their tool call in the model's response. The Vercel AI SDK decides every
 *    call of a step before executing any, LangChain's `ToolNode` runs them concurrently, the core harness one
 *    after the other; the decisions themselves are taken in the same order on every path.
 * 6. **MCP results are compared by what they say, not by their digest**: each framework hands the engine its
 *    own representation of the same MCP result (the MCP SDK client's `CallToolResult`, `@ai-sdk/mcp`'s
 *    result object, `@langchain/mcp-adapters`' text content), so the `tool-result` digest of an MCP tool is
 *    replaced by `mcp-result`; its labels and taint are kept, and the text the model read is compared apart.
 * 7. **A resumed approval is asked once**: a framework that pauses for a person (the SDK's approval request,
 *    LangGraph's `interrupt`) decides the call again when it resumes, before the grant, so the same
 *    `require-approval` decision appears twice in a row; consecutive identical decisions of one call are kept
 *    once.
 *
 * Kept as they are: decision summaries (type, code, rule ids, reasons), argument labels, argument digests,
 * argument fragments, control arguments, guards that ran, `liftedBy`, tool-call status and argument digests,
 * tool-result labels, taint, digest and redaction count, `label`/`bless`/`conflict` events, approvals (id,
 * answer, by whom), and model calls (fragments indexed, context labels, `influenced`).
 */
export function normaliseEvents(
  events: readonly SessionEvent[],
  { callOrder, mcpTools = new Set() }: { callOrder: (toolCallId: string) => number; mcpTools?: ReadonlySet<string> },
): NormalisedEvent[] {
  const kept: NormalisedEvent[] = [];
  for (const event of events) {
    if (event.type === 'session-start' || event.type === 'session-end') continue;
    const normalised = normaliseEvent(event);
    kept.push(event.type === 'tool-result' && mcpTools.has(event.tool) ? { ...normalised, digest: 'mcp-result' } : normalised);
  }
  return collapseRepeatedDecisions(groupByCall(kept, callOrder));
}

const DROPPED = new Set(['sessionId', 'seq', 'ts', 'durationMs']);
const LABEL_LISTS = new Set(['labels', 'taint', 'contextLabels', 'add', 'remove']);

/** A prompt part's key, as the role of the message it came from (see rule 3). */
export function canonicalFragmentId(id: string): string {
  if (/^(user|human)[:#]/u.test(id)) return 'user-message';
  if (/^(system|developer)[:#]/u.test(id)) return 'system-message';
  if (/^(assistant|ai)[:#]/u.test(id)) return 'assistant-message';
  return id;
}

function sortedRecord(record: unknown, map: (value: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (record === null || typeof record !== 'object') return out;
  for (const key of Object.keys(record).sort()) out[key] = map((record as Record<string, unknown>)[key]);
  return out;
}

function sortedStrings(value: unknown): unknown {
  return Array.isArray(value) ? [...(value as string[])].sort() : value;
}

function fragmentList(value: unknown): unknown {
  return Array.isArray(value) ? [...new Set((value as string[]).map(canonicalFragmentId))].sort() : value;
}

function normaliseEvent(event: SessionEvent): NormalisedEvent {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (DROPPED.has(key)) continue;
    if (LABEL_LISTS.has(key)) out[key] = sortedStrings(value);
    else if (key === 'argLabels') out[key] = sortedRecord(value, sortedStrings);
    else if (key === 'argFragments') out[key] = sortedRecord(value, fragmentList);
    else if (key === 'fragmentIds') out[key] = fragmentList(value);
    else if (key === 'decision' && value !== null && typeof value === 'object') {
      const decision = value as Record<string, unknown>;
      out[key] = { ...decision, ruleIds: sortedStrings(decision['ruleIds']) };
    } else out[key] = value;
  }
  return out as NormalisedEvent;
}

function toolCallIdOf(event: NormalisedEvent): string | undefined {
  return typeof event['toolCallId'] === 'string' && event['toolCallId'] !== '' ? event['toolCallId'] : undefined;
}

/** Rule 5: inside each model step, events ordered by their call's position (events with no call follow the one before). */
function groupByCall(events: readonly NormalisedEvent[], callOrder: (toolCallId: string) => number): NormalisedEvent[] {
  const out: NormalisedEvent[] = [];
  let step: { event: NormalisedEvent; rank: number; index: number }[] = [];
  const flush = () => {
    step.sort((a, b) => a.rank - b.rank || a.index - b.index);
    out.push(...step.map((entry) => entry.event));
    step = [];
  };
  let rank = -1;
  for (const event of events) {
    if (event.type === 'model-call') {
      flush();
      out.push(event);
      rank = -1;
      continue;
    }
    const id = toolCallIdOf(event);
    if (id !== undefined) rank = callOrder(id);
    step.push({ event, rank, index: step.length });
  }
  flush();
  return out;
}

/** Rule 7: a resumed framework re-asks the same `require-approval` decision; it is kept once. */
function collapseRepeatedDecisions(events: readonly NormalisedEvent[]): NormalisedEvent[] {
  const out: NormalisedEvent[] = [];
  for (const event of events) {
    const previous = out.at(-1);
    const repeated =
      previous !== undefined &&
      event.type === 'decision' &&
      previous.type === 'decision' &&
      (event['decision'] as { type?: unknown } | undefined)?.type === 'require-approval' &&
      JSON.stringify(previous) === JSON.stringify(event);
    if (!repeated) out.push(event);
  }
  return out;
}
