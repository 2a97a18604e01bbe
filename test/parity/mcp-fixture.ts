import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { ParityScenario, ParityTool } from './parity-types.js';

/** The tools of a scenario its MCP server serves. */
export function mcpTools(scenario: ParityScenario): ParityTool[] {
  return scenario.tools.filter((tool) => tool.mcp === true);
}

/** The labels an MCP tool's results carry by source: the server and the tool's name on it. */
export function mcpSourceLabel(server: string, tool: string): `src:mcp:${string}` {
  return `src:mcp:${server}:${tool}`;
}

/**
 * A fresh in-memory MCP server for one path's run, serving the scenario's MCP tools (each result one text
 * block), and the client end of its transport. Every path gets its own server, so no state is shared.
 */
export async function startMcpServer(scenario: ParityScenario): Promise<{ readonly transport: InMemoryTransport; close(): Promise<void> }> {
  const server = new McpServer({ name: scenario.mcpServer ?? 'mcp', version: '1.0.0' });
  for (const tool of mcpTools(scenario)) {
    server.registerTool(tool.name, { description: tool.description, inputSchema: tool.input }, async (args: Record<string, unknown>) => ({
      content: [{ type: 'text' as const, text: String(tool.run(args)) }],
    }));
  }
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  return { transport: clientTransport, close: () => server.close() };
}
