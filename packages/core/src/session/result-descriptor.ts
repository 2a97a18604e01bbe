import { makeDescriptor, type Descriptor } from '../labels/descriptor.js';
import { hasLabel, matchesLabel } from '../labels/match-label.js';
import type { SessionState } from './session-state.js';

/**
 * The result's descriptor: `src:tool:<name>` (unless the tool names its own source, e.g. `src:mcp:…`), the tool's
 * output labels, the policy's stance when the tool declares no trust, the taint of its inputs and of what any
 * sub-agent inside it saw. `untrusted` always wins over `trusted`.
 */
export function resultDescriptor(state: SessionState, toolCallId: string, toolName: string, outputLabels: readonly string[]): { descriptor: Descriptor; conflict: boolean } {
  const declared = outputLabels.filter((label) => !label.startsWith('src:'));
  const provenance = outputLabels.filter((label) => label.startsWith('src:'));
  const declaresTrust = hasLabel(declared, 'trusted') || hasLabel(declared, 'untrusted');
  // One descriptor made from every part's labels: the same as joining the parts one by one (a join is the union),
  // without interning a descriptor per intermediate join (each carries this call's id, so none is ever reused).
  const labels = declaresTrust ? declared : [...declared, state.policy.unlabeled];
  const taint = provenance.length > 0 ? provenance : [`src:tool:${toolName}`];
  const sources = [toolCallId];
  for (const part of [state.inputs.get(toolCallId)?.descriptor, state.subagents.get(toolCallId)]) {
    if (part === undefined) continue;
    labels.push(...part.labels);
    taint.push(...part.taint);
    sources.push(...part.sources);
  }
  const conflict = hasLabel(labels, 'trusted') && hasLabel(labels, 'untrusted');
  if (!conflict) return { descriptor: makeDescriptor({ labels, taint, sources }), conflict };
  const keep = (label: string) => !matchesLabel('trusted', label);
  return { descriptor: makeDescriptor({ labels: labels.filter(keep), taint: [...labels, ...taint].filter(keep), sources }), conflict };
}
