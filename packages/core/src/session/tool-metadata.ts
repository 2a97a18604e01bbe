import type { Label } from '../labels/label.js';
import type { ToolMetadata } from '../policy/policy-schema.js';
import type { SessionState } from './session-state.js';

/** A tool's metadata joined from the policy, the session's `tools` and the call itself. */
export interface ResolvedToolMetadata {
  /** Operation labels; `undefined` when no one declared them (the tool is then treated as consequential). */
  readonly labels: readonly Label[] | undefined;
  readonly controlArgs: readonly string[];
  readonly outputLabels: readonly Label[];
  readonly untrustedPaths: readonly string[];
  readonly secretPaths: readonly string[];
  readonly auth: readonly string[];
}

// Called six times per tool call and per tool result on lists that are mostly empty or short: a loop, not a
// spread of a flattened copy through a set. Always a new array, as callers (and events) keep it.
function union<T>(first: readonly T[] | undefined, second: readonly T[] | undefined, third?: readonly T[] | undefined): readonly T[] {
  const seen = new Set<T>();
  const out: T[] = [];
  for (const list of [first, second, third]) {
    if (list === undefined) continue;
    for (const item of list) {
      if (seen.has(item)) continue;
      seen.add(item);
      out.push(item);
    }
  }
  return out;
}

/** Joins every source of metadata for a tool: labels and argument lists are unions, so no source can relax another. */
export function resolveToolMetadata(state: SessionState, tool: string, fromCall: ToolMetadata | undefined): ResolvedToolMetadata {
  const fromSession = state.tools.get(tool);
  const fromPolicy = state.policy.tools.get(tool);
  // Only operation labels describe a tool: output labels alone (an MCP source, say) keep the strict default.
  const described = fromSession?.labels !== undefined || fromCall?.labels !== undefined;
  return {
    labels: described ? union(fromSession?.labels, fromCall?.labels) : undefined,
    controlArgs: union(fromSession?.controlArgs, fromCall?.controlArgs, fromPolicy?.controlArgs),
    outputLabels: union(fromSession?.output?.labels, fromCall?.output?.labels, fromPolicy?.outputLabels),
    untrustedPaths: union(fromSession?.output?.untrustedPaths, fromCall?.output?.untrustedPaths, fromPolicy?.untrustedPaths),
    secretPaths: union(fromSession?.output?.secretPaths, fromCall?.output?.secretPaths, fromPolicy?.secretPaths),
    auth: union(fromSession?.auth, fromCall?.auth, fromPolicy?.auth),
  };
}
