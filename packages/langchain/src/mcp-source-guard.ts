import { defineGuard, outcome, type Guard, type Label } from '@labelflow/core';

/** The name of the guard `createThreadSessions` adds to every session it creates. */
export const MCP_SOURCE_GUARD = 'labelflow-langchain:mcp-source';

/**
 * An after-guard that adds the MCP source labels to the results of MCP tools nobody described.
 *
 * Why a guard: the engine takes a tool's output labels only from its metadata, and any metadata (even output
 * labels alone) marks the tool as described, which would make an undescribed MCP tool "described, no risk".
 * Passing no metadata keeps the call as strict as an undescribed tool must be; this guard then labels the
 * result. Once the engine can take output labels without describing the operation, this guard goes away.
 */
export function mcpSourceGuard(sources: ReadonlyMap<string, readonly Label[]>): Guard {
  return defineGuard({
    name: MCP_SOURCE_GUARD,
    after: (context) => {
      const labels = sources.get(context.toolCallId);
      return labels === undefined ? undefined : outcome.relabel({ add: labels });
    },
  });
}
