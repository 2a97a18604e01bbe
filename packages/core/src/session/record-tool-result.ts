import { joinAll, makeDescriptor } from '../labels/descriptor.js';
import { hasLabel } from '../labels/match-label.js';
import { relabelDescriptor, type Relabel } from './apply-relabels.js';
import { digestValue } from './digest.js';
import { emit } from './emit.js';
import { resultDescriptor } from './result-descriptor.js';
import { replaceAtPaths, valuesAtPath } from './result-paths.js';
import { TOOL_RESULT_PREFIX } from './seen-keys.js';
import { contentOf, registerFragment, type SessionState } from './session-state.js';
import type { ToolResultRecord } from './session-types.js';
import { resolveToolMetadata } from './tool-metadata.js';
import type { ToolMetadata } from '../policy/policy-schema.js';

/** A tool result to label and index. */
export interface ToolResultInput {
  readonly toolCallId: string;
  readonly toolName: string;
  readonly result: unknown;
  readonly metadata?: ToolMetadata;
  /** Relabels after-guards asked for, applied to the result's descriptor. */
  readonly relabels?: readonly Relabel[];
}

/**
 * Labels a tool's result, moves its secrets behind handles, and indexes it (once per tool call id) so later
 * arguments can be grounded in it. Returns the result as the model may see it.
 */
export function recordToolResult(state: SessionState, input: ToolResultInput): ToolResultRecord {
  const metadata = resolveToolMetadata(state, input.toolName, input.metadata);
  const labelled = resultDescriptor(state, input.toolCallId, input.toolName, metadata.outputLabels);
  const { conflict } = labelled;
  const key = `${TOOL_RESULT_PREFIX}${input.toolCallId}`;
  let descriptor = labelled.descriptor;
  for (const relabel of input.relabels ?? []) descriptor = relabelDescriptor(state, key, descriptor, relabel);
  if (conflict) emit(state, () => ({ type: 'conflict', target: key, labels: ['trusted', 'untrusted'], resolved: 'untrusted', by: `tool:${input.toolName}` }));

  let result = input.result;
  for (const path of metadata.secretPaths) {
    for (const value of valuesAtPath(result, path)) {
      if (typeof value === 'string' && value.length > 0) state.run.vault.add(value, joinAll([descriptor, makeDescriptor({ labels: ['secret'] })]));
    }
  }
  const redaction = state.run.vault.redact(result);
  result = redaction.value;

  const trustedWithExceptions = hasLabel(descriptor.labels, 'trusted') && metadata.untrustedPaths.length > 0;
  if (trustedWithExceptions) {
    // Field-level trust: the declared paths are indexed as untrusted fragments, the rest as trusted.
    const untrustedPart = makeDescriptor({ labels: [...descriptor.labels.filter((label) => label !== 'trusted'), 'untrusted'], taint: descriptor.taint.filter((label) => label !== 'trusted'), sources: descriptor.sources });
    const fields = metadata.untrustedPaths.flatMap((path) => valuesAtPath(result, path));
    registerFragment(state, { key, content: contentOf(replaceAtPaths(result, metadata.untrustedPaths, () => null)), descriptor, visible: true });
    registerFragment(state, { key: `${key}:untrusted`, content: fields.map(contentOf).join('\n'), descriptor: untrustedPart, visible: true });
  } else {
    registerFragment(state, { key, content: contentOf(result), descriptor, visible: true });
  }

  const shown = result;
  emit(state, () => ({
    type: 'tool-result',
    toolCallId: input.toolCallId,
    tool: input.toolName,
    labels: descriptor.labels,
    taint: descriptor.taint,
    digest: digestValue(shown),
    redacted: redaction.count,
  }));
  return { modelResult: result, descriptor, redacted: redaction.count };
}
