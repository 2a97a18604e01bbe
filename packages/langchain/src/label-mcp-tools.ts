import type { StructuredToolInterface } from '@langchain/core/tools';
import { MCP_METADATA_KEY, type McpSource } from './mcp-source.js';

/** Options of `labelMcpTools`: the same names `loadMcpTools` takes, so the original tool names can be recovered. */
export interface LabelMcpToolsOptions {
  /** The server name given to `loadMcpTools`. */
  readonly server: string;
  /** Set when the tools were loaded with `prefixToolNameWithServerName: true`. */
  readonly prefixToolNameWithServerName?: boolean;
  /** Set when the tools were loaded with an `additionalToolNamePrefix`. */
  readonly additionalToolNamePrefix?: string;
  /**
   * Trust this server's output (default false: results are `untrusted`). Takes effect for tools something
   * describes (the policy, `tools`, `metadata.labelflow`); undescribed tools keep the policy's stance.
   */
  readonly trusted?: boolean;
}

function originalName(name: string, { server, prefixToolNameWithServerName = false, additionalToolNamePrefix = '' }: LabelMcpToolsOptions): string {
  let rest = name;
  if (additionalToolNamePrefix !== '' && rest.startsWith(`${additionalToolNamePrefix}__`)) rest = rest.slice(additionalToolNamePrefix.length + 2);
  if (prefixToolNameWithServerName && rest.startsWith(`${server}__`)) rest = rest.slice(server.length + 2);
  return rest;
}

/**
 * Marks tools loaded from an MCP server (with `@langchain/mcp-adapters`) so labelflow labels their results
 * `src:mcp:<server>:<tool>` and `untrusted`. LangChain's MCP tools carry no trace of their server, so this is
 * how the adapter learns it. The tools are changed in place (their `metadata`) and returned.
 *
 * The operation stays as strict as for any tool nobody described: the server's own hints (`readOnlyHint`…) are
 * claims by a party labelflow does not trust, so they never relax a decision. Describe the tools in the policy
 * (or in `metadata.labelflow`) to relax them.
 *
 * @param options.server the server name given to `loadMcpTools`
 * @param options.prefixToolNameWithServerName as given to `loadMcpTools`
 * @param options.additionalToolNamePrefix as given to `loadMcpTools`
 * @param options.trusted trust the server's output (default false)
 * @example
 * ```ts
 * const tools = labelMcpTools(await loadMcpTools('github', client), { server: 'github' });
 * const agent = createAgent({ model, tools, middleware: [labelflowMiddleware({ policy })] });
 * ```
 */
export function labelMcpTools<T extends StructuredToolInterface>(tools: readonly T[], options: LabelMcpToolsOptions): T[] {
  for (const tool of tools) {
    const source: McpSource = { server: options.server, tool: originalName(tool.name, options), trusted: options.trusted ?? false };
    const holder = tool as { metadata?: Record<string, unknown> };
    holder.metadata = { ...(holder.metadata ?? {}), [MCP_METADATA_KEY]: source };
  }
  return [...tools];
}
