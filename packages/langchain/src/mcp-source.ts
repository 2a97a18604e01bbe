import type { Label } from '@labelflow/core';
import { z } from 'zod';

/** Where an MCP tool came from, as `labelMcpTools` records it on the tool (`metadata.labelflowMcp`). */
export interface McpSource {
  /** The server name given to `loadMcpTools` (or a `MultiServerMCPClient` key). */
  readonly server: string;
  /** The tool's name on the server, without the prefixes LangChain adds. */
  readonly tool: string;
  /** True when the app trusts this server's output (`trusted`); otherwise results are `untrusted`. */
  readonly trusted: boolean;
}

/** The metadata key `labelMcpTools` writes. */
export const MCP_METADATA_KEY = 'labelflowMcp';

export const mcpSourceSchema = z.strictObject({ server: z.string().min(1), tool: z.string().min(1), trusted: z.boolean() });

// A label segment may not hold `:` or whitespace; MCP names normally have neither, but a server picks them.
function segment(name: string): string {
  return name.replace(/[\s:]+/gu, '_');
}

/**
 * The labels an MCP tool's results carry: `src:mcp:<server>:<tool>`, plus `untrusted`, or `trusted` when the app
 * trusts the server.
 *
 * @example
 * ```ts
 * mcpSourceLabels({ server: 'github', tool: 'get_issue', trusted: false }); // ['src:mcp:github:get_issue', 'untrusted']
 * ```
 */
export function mcpSourceLabels(source: McpSource): readonly Label[] {
  const provenance = `src:mcp:${segment(source.server)}:${segment(source.tool)}`;
  return [provenance, source.trusted ? 'trusted' : 'untrusted'];
}
