import type { LedgerRecord } from './ledger-record.js';
import { asDecision, asToolResult } from './record-views.js';
import { whyToolCall, type WhySource } from './why-tool-call.js';

/** A node of a run's provenance graph: where data came from, or a decided tool call. */
export interface ProvenanceNode {
  readonly id: string;
  readonly kind: 'user' | 'system' | 'app' | 'credential' | 'source' | 'model' | 'fragment' | 'tool-result' | 'decision';
  readonly title: string;
  readonly labels: readonly string[];
  readonly sessionId: string;
  /** The record the node stands for (decisions and tool results). */
  readonly seq?: number;
  readonly toolCallId?: string;
  /** Decisions only. */
  readonly decision?: 'allow' | 'deny' | 'require-approval';
  readonly ruleIds?: readonly string[];
}

/** An edge: an argument's labels came from `from` (`argument`), or a call produced a result (`result`). */
export interface ProvenanceEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'argument' | 'result';
  /** The arguments whose labels came this way, for `argument` edges, joined: `to, body`. */
  readonly label?: string;
  readonly inferred: boolean;
}

/** A run as a graph, nodes in the order they happened. */
export interface ProvenanceGraph {
  readonly nodes: readonly ProvenanceNode[];
  readonly edges: readonly ProvenanceEdge[];
  readonly sessions: readonly string[];
}

function originNode(source: Exclude<WhySource, { type: 'tool-result' }>, sessionId: string): ProvenanceNode {
  switch (source.type) {
    case 'user':
      return { id: `user|${sessionId}`, kind: 'user', title: 'user prompt', labels: ['trusted', 'src:user'], sessionId };
    case 'system':
      return { id: `system|${sessionId}`, kind: 'system', title: 'system instructions', labels: ['trusted', 'src:system'], sessionId };
    case 'app':
      return { id: `app|${sessionId}`, kind: 'app', title: 'app values', labels: ['src:app'], sessionId };
    case 'credential':
      return { id: `credential|${sessionId}|${source.name}`, kind: 'credential', title: `credential ${source.name}`, labels: ['secret'], sessionId };
    case 'model':
      return { id: `model|${sessionId}`, kind: 'model', title: 'model-made', labels: ['llm'], sessionId };
    case 'fragment':
      return { id: `fragment|${sessionId}|${source.id}`, kind: 'fragment', title: source.id, labels: [], sessionId };
    default:
      return { id: `source|${sessionId}|${source.label}`, kind: 'source', title: source.label, labels: [source.label], sessionId };
  }
}

/**
 * Builds the provenance graph of the runs in a ledger (or of one session): every decided tool call, every tool
 * result, and the origins of each argument's labels, as `whyToolCall` finds them.
 *
 * @example
 * ```ts
 * const graph = buildProvenanceGraph(readLedger(store).records, { sessionId });
 * graph.nodes.filter((node) => node.decision === 'deny');
 * ```
 */
export function buildProvenanceGraph(records: readonly LedgerRecord[], { sessionId }: { sessionId?: string } = {}): ProvenanceGraph {
  const nodes = new Map<string, ProvenanceNode>();
  const edges: ProvenanceEdge[] = [];
  const sessions = new Set<string>();
  const add = (node: ProvenanceNode) => {
    if (!nodes.has(node.id)) nodes.set(node.id, node);
    return node.id;
  };
  const lastDecision = new Map<string, string>();

  for (let index = 0; index < records.length; index += 1) {
    const record = records[index] as LedgerRecord;
    if (sessionId !== undefined && record.sessionId !== sessionId) continue;
    const decision = asDecision(record);
    const result = asToolResult(record);
    if (decision !== undefined) {
      sessions.add(decision.sessionId);
      const id = add({
        id: `decision|${decision.sessionId}|${decision.seq}`,
        kind: 'decision',
        title: decision.tool,
        labels: [...new Set(Object.values(decision.argLabels).flat())],
        sessionId: decision.sessionId,
        seq: decision.seq,
        toolCallId: decision.toolCallId,
        decision: decision.decision.type,
        ruleIds: decision.decision.ruleIds,
      });
      lastDecision.set(`${decision.sessionId}|${decision.toolCallId}`, id);
      // Explain against the records up to this one, so a later call with the same id cannot stand in for it.
      const why = whyToolCall(records.slice(0, index + 1), decision.toolCallId, { sessionId: decision.sessionId, depth: 0 });
      for (const arg of why?.arguments ?? []) {
        for (const source of arg.sources) {
          const from = source.type === 'tool-result' ? `result|${decision.sessionId}|${source.toolCallId}` : add(originNode(source, decision.sessionId));
          if (!nodes.has(from)) continue;
          // One edge per origin and call: the arguments that came the same way share it.
          const existing = edges.findIndex((edge) => edge.from === from && edge.to === id && edge.kind === 'argument');
          const inferred = source.type === 'tool-result' && source.inferred;
          if (existing === -1) edges.push({ from, to: id, kind: 'argument', label: arg.name, inferred });
          else {
            const edge = edges[existing] as ProvenanceEdge;
            edges[existing] = { ...edge, label: `${edge.label ?? ''}, ${arg.name}`, inferred: edge.inferred && inferred };
          }
        }
      }
    } else if (result !== undefined) {
      sessions.add(result.sessionId);
      const id = add({ id: `result|${result.sessionId}|${result.toolCallId}`, kind: 'tool-result', title: `${result.tool} result`, labels: result.labels, sessionId: result.sessionId, seq: result.seq, toolCallId: result.toolCallId });
      const from = lastDecision.get(`${result.sessionId}|${result.toolCallId}`);
      if (from !== undefined) edges.push({ from, to: id, kind: 'result', inferred: false });
    }
  }
  return { nodes: [...nodes.values()], edges, sessions: [...sessions] };
}
