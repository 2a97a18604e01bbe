import { normaliseEvents } from './normalise-events.js';
import type { CallOutcome, CallTrace, DecisionTrace, NormalisedEvent, ParityScenario, PathRun, PathTrace, RawSeen } from './parity-types.js';

/** The position of every scripted call in its model step's response. */
function callOrder(scenario: ParityScenario): (toolCallId: string) => number {
  const order = new Map<string, number>();
  for (const turn of scenario.turns) if ('calls' in turn) turn.calls.forEach((call, index) => order.set(call.id, index));
  return (id) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
}

function parseText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The text of an MCP result however a framework hands it over: a `CallToolResult`, content blocks, or text. */
function mcpText(value: unknown): unknown {
  const blocks = Array.isArray(value) ? value : value !== null && typeof value === 'object' && Array.isArray((value as { content?: unknown }).content) ? (value as { content: unknown[] }).content : undefined;
  if (blocks === undefined) return value;
  return blocks.map((block) => (block !== null && typeof block === 'object' && typeof (block as { text?: unknown }).text === 'string' ? (block as { text: string }).text : JSON.stringify(block))).join('\n');
}

/**
 * What the model read back, compared across paths: a result as data (JSON text parsed: LangChain's `ToolNode`
 * writes objects as JSON text, the SDK and the engine hand objects over; an MCP result as its text), a denial
 * as the engine's one-sentence reason (the SDK shows it as `execution-denied`, LangChain and the core harness
 * as the engine's `{ error: 'policy_denied', … }` object), a person's refusal as a bare fact (each framework
 * words it its own way), a tool error as its message.
 */
export function normaliseSeen(raw: RawSeen | undefined, { mcp }: { mcp: boolean }): unknown {
  if (raw === undefined) return undefined;
  switch (raw.type) {
    case 'result': {
      const value = parseText(raw.value);
      // An after-guard's withheld result reaches a Vercel model as a tool result holding the engine's denial.
      const denial = engineDenial(value);
      if (denial !== undefined) return { denied: denial };
      return { result: mcp ? mcpText(value) : value };
    }
    case 'denied':
      return { denied: raw.reason };
    case 'refused':
      return { refused: true };
    case 'error':
      // The SDK writes a thrown error as `String(error)`; the others as its message.
      return { error: raw.message.replace(/^Error: /u, '') };
  }
}

/** The reason of the engine's readable denial (`{ error: 'policy_denied', code, rule, reason }`), if `value` is one. */
function engineDenial(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  return record['error'] === 'policy_denied' && typeof record['reason'] === 'string' ? record['reason'] : undefined;
}

function outcomeOf(raw: RawSeen | undefined): CallOutcome {
  if (raw === undefined) return 'unanswered';
  if (raw.type === 'result' && engineDenial(parseText(raw.value)) !== undefined) return 'denied';
  return raw.type === 'result' ? 'executed' : raw.type === 'denied' ? 'denied' : raw.type === 'refused' ? 'refused' : 'failed';
}

/** A path's run as compared: the normalised event stream, and per scripted call its decisions, outcome and what the model read. */
export function traceOf(scenario: ParityScenario, run: PathRun): PathTrace {
  const mcpTools = new Set(scenario.tools.filter((tool) => tool.mcp === true).map((tool) => tool.name));
  const events = normaliseEvents(run.events, { callOrder: callOrder(scenario), mcpTools });
  const calls: CallTrace[] = [];
  for (const turn of scenario.turns) {
    if (!('calls' in turn)) continue;
    for (const call of turn.calls) {
      const mcp = scenario.tools.find((tool) => tool.name === call.tool)?.mcp === true;
      const decisions = events
        .filter((event) => event.type === 'decision' && event['toolCallId'] === call.id)
        .map((event): DecisionTrace => {
          const decision = event['decision'] as { type: string; code: string; ruleIds: string[] };
          return { type: decision.type, code: decision.code, ruleIds: decision.ruleIds, argLabels: event['argLabels'] as DecisionTrace['argLabels'] };
        });
      const raw = run.seen.get(call.id);
      calls.push({ toolCallId: call.id, tool: call.tool, decisions, outcome: outcomeOf(raw), seen: normaliseSeen(raw, { mcp }) });
    }
  }
  return { path: run.path, calls, events, finalText: run.finalText };
}

const json = (value: unknown) => JSON.stringify(value) ?? 'undefined';

/** Checks the core path against what the scenario claims (outcome and deciding rules of each call). */
export function checkExpected(scenario: ParityScenario, core: PathTrace): string[] {
  const problems: string[] = [];
  for (const call of core.calls) {
    const expected = scenario.expected[call.toolCallId];
    if (expected === undefined) {
      problems.push(`${scenario.id} / ${call.toolCallId} (${call.tool}): the scenario states no expected outcome`);
      continue;
    }
    if (call.outcome !== expected.outcome) problems.push(`${scenario.id} / ${call.toolCallId} (${call.tool}) outcome: expected ${expected.outcome}, core ${call.outcome} ${json(call.seen)}`);
    const last = call.decisions.at(-1);
    const rules = call.outcome === 'denied' ? [...(last?.type === 'deny' ? last.ruleIds : ruleIdsOfWithheld(call))].sort() : [];
    if (expected.ruleIds !== undefined && json([...expected.ruleIds].sort()) !== json(rules)) {
      problems.push(`${scenario.id} / ${call.toolCallId} (${call.tool}) rule ids: expected ${json([...expected.ruleIds].sort())}, core ${json(rules)}`);
    }
  }
  return problems;
}

/** A result an after-guard withheld: allowed by the decision, denied in what the model read (`guard:<name>`). */
function ruleIdsOfWithheld(call: CallTrace): string[] {
  const reason = (call.seen as { denied?: string } | undefined)?.denied ?? '';
  return [...reason.matchAll(/guard:[\w.-]+/gu)].map((match) => match[0]);
}

function describeEvent(event: NormalisedEvent | undefined): string {
  if (event === undefined) return '(none)';
  const { type, ...rest } = event;
  return `${type} ${json(rest)}`;
}

/**
 * The differences between the core path's trace and another path's, one readable line each: which scenario,
 * which call, which field, expected (core) and actual (that path). Empty when they are the same.
 */
export function diffTraces(scenario: ParityScenario, expected: PathTrace, actual: PathTrace, { maxEventLines = 6 }: { maxEventLines?: number } = {}): string[] {
  const lines: string[] = [];
  const at = (call: CallTrace) => `${scenario.id} / ${call.toolCallId} (${call.tool})`;
  for (const [index, want] of expected.calls.entries()) {
    const got = actual.calls[index];
    if (got === undefined) {
      lines.push(`${at(want)}: missing on ${actual.path}`);
      continue;
    }
    if (got.outcome !== want.outcome) lines.push(`${at(want)} outcome: core ${want.outcome} | ${actual.path} ${got.outcome}`);
    const decisions = Math.max(want.decisions.length, got.decisions.length);
    for (let d = 0; d < decisions; d += 1) {
      const a = want.decisions[d];
      const b = got.decisions[d];
      for (const key of ['type', 'code', 'ruleIds', 'argLabels'] as const) {
        if (json(a?.[key]) !== json(b?.[key])) lines.push(`${at(want)} decision ${d + 1} ${key}: core ${json(a?.[key])} | ${actual.path} ${json(b?.[key])}`);
      }
    }
    if (json(got.seen) !== json(want.seen)) lines.push(`${at(want)} what the model read: core ${json(want.seen)} | ${actual.path} ${json(got.seen)}`);
  }
  if (expected.finalText !== actual.finalText) lines.push(`${scenario.id} final answer: core ${json(expected.finalText)} | ${actual.path} ${json(actual.finalText)}`);

  const events = Math.max(expected.events.length, actual.events.length);
  let reported = 0;
  for (let index = 0; index < events && reported < maxEventLines; index += 1) {
    const a = expected.events[index];
    const b = actual.events[index];
    if (json(a) === json(b)) continue;
    reported += 1;
    lines.push(`${scenario.id} audit event #${index + 1}:\n    core:        ${describeEvent(a)}\n    ${`${actual.path}:`.padEnd(12)} ${describeEvent(b)}`);
  }
  if (expected.events.length !== actual.events.length) lines.push(`${scenario.id} audit events: core ${expected.events.length} | ${actual.path} ${actual.events.length}`);
  return lines;
}
