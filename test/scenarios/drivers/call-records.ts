import type { CallRecord, ModelToolCall, ModelViewMessage } from '../harness/agent-driver.js';
import { readJson } from '../harness/read-json.js';

/** What a driver learnt about one call beside the conversation: what the tool returned, and a denial's rules. */
export interface CallFacts {
  /** The value the tool itself returned, by tool call id (only calls that ran). */
  readonly raw: ReadonlyMap<string, unknown>;
  /** The deciding rule ids of each denied call, by tool call id. */
  readonly ruleIds: ReadonlyMap<string, readonly string[]>;
  /** Whether labelflow ran (the core driver reports `transformed` only then). */
  readonly protected: boolean;
  /** Whether the run had guards (only then can a result the model saw differ from the tool's). */
  readonly guarded: boolean;
}

/** Compares what the tool returned with what the model read (JSON text, as LangChain shows it, is parsed). */
function same(raw: unknown, seen: unknown): boolean {
  return JSON.stringify(raw) === JSON.stringify(typeof raw === 'string' ? seen : readJson(seen));
}

/** The engine's readable denial (`{ error: 'policy_denied', code, rule, reason }`), as a result the model reads. */
export function policyDenial(content: unknown): { readonly rule: string } | undefined {
  let value = content;
  if (typeof value === 'string' && value.trimStart().startsWith('{')) {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  return record['error'] === 'policy_denied' && typeof record['rule'] === 'string' ? { rule: record['rule'] } : undefined;
}

/**
 * The calls of a run, in the order the model made them, read from the conversation the model saw (one `tool`
 * message per call) plus what the driver learnt beside it. Mirrors the core driver's records: `executed` for a
 * result the model read, `denied` with the deciding rules, `failed` for a tool (or framework) error.
 */
export function callRecords(messages: readonly ModelViewMessage[], facts: CallFacts): CallRecord[] {
  const answers = new Map<string, Extract<ModelViewMessage, { role: 'tool' }>>();
  for (const message of messages) if (message.role === 'tool') answers.set(message.toolCallId, message);
  const calls: ModelToolCall[] = messages.flatMap((message) => (message.role === 'assistant' ? message.toolCalls : []));
  return calls.map((call): CallRecord => {
    const base = { toolCallId: call.toolCallId, tool: call.toolName, args: call.args };
    const answer = answers.get(call.toolCallId);
    if (answer === undefined) return { ...base, status: 'approval-required', ruleIds: [] };
    if (answer.status === 'denied') {
      const rules = facts.ruleIds.get(call.toolCallId) ?? policyDenial(answer.content)?.rule.split(', ') ?? [];
      return { ...base, status: 'denied', ruleIds: rules };
    }
    if (answer.status === 'error') return { ...base, status: 'failed', ruleIds: [] };
    if (!facts.protected) return { ...base, status: 'executed', ruleIds: [] };
    const transformed = facts.guarded && facts.raw.has(call.toolCallId) && !same(facts.raw.get(call.toolCallId), answer.content);
    return { ...base, status: 'executed', ruleIds: [], transformed };
  });
}
