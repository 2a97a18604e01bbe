import { createSession, type PromptPart, type SessionEvent, type ToolCallInput, type ToolCallOutcome, type ToolExecutor, type ToolMetadata } from '@labelflow/core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { mcpSourceLabel, startMcpServer } from './mcp-fixture.js';
import type { ParityScenario, PathRun, RawSeen, ScriptedCall } from './parity-types.js';

/** Metadata given beside the tools, by name: what every path hands its adapter (`tools` option). */
export function besideMetadata(scenario: ParityScenario): Record<string, ToolMetadata> {
  const metadata: Record<string, ToolMetadata> = {};
  for (const tool of scenario.tools) if (tool.metadata !== undefined) metadata[tool.name] = tool.metadata;
  return metadata;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Path 1, the core harness: the session engine called directly, as an adapter would. The user prompt and every
 * tool message reach `recordModelCall` as prompt parts before each model step (the model's own text is not
 * indexed: a value the model made up must not ground its later calls); each call goes through `runToolCall`,
 * every call of a step decided before any of them executes. MCP tools are called through an MCP client on the same in-memory server the framework paths
 * use, and the call carries the source labels an MCP adapter gives them (`untrusted`, `src:mcp:<server>:<tool>`).
 * A `native` approval is answered the engine's way: `approval-required`, then `grantApproval`, then the call
 * again.
 */
export async function runCorePath(scenario: ParityScenario): Promise<PathRun> {
  const events: SessionEvent[] = [];
  const seen = new Map<string, RawSeen>();
  const answers = scenario.approvals?.answers ?? {};
  const session = createSession({
    policy: scenario.policy,
    tools: besideMetadata(scenario),
    guards: scenario.guards?.() ?? [],
    ...(scenario.approvals?.mode === 'callback' ? { onApproval: (request) => answers[request.toolCallId] === true } : {}),
    onEvent: (event) => events.push(event),
  });
  const mcp = scenario.mcpServer === undefined ? undefined : await startMcpServer(scenario);
  const client = mcp === undefined ? undefined : new Client({ name: scenario.mcpServer ?? 'mcp', version: '1.0.0' });
  if (client !== undefined && mcp !== undefined) await client.connect(mcp.transport);
  try {
    const parts: PromptPart[] = [{ key: 'user:0', role: 'user', content: scenario.prompt }];
    let finalText = '';
    for (const turn of scenario.turns) {
      session.recordModelCall({ parts });
      if ('text' in turn) {
        finalText = turn.text;
        break;
      }
      // Every call of a step is decided before any of them runs (as both frameworks do: the SDK asks
      // `toolApproval` for each call first, LangChain's `ToolNode` starts them together); then they run.
      const held: { call: ScriptedCall; input: ToolCallInput; execute: ToolExecutor; outcome: Promise<ToolCallOutcome>; release: () => void }[] = [];
      for (const call of turn.calls) {
        const tool = scenario.tools.find((entry) => entry.name === call.tool);
        if (tool === undefined) throw new Error(`${scenario.id}: no tool ${call.tool}`);
        const source = tool.mcp === true ? mcpSourceLabel(scenario.mcpServer ?? 'mcp', tool.name) : undefined;
        const input: ToolCallInput = { toolName: call.tool, toolCallId: call.id, args: call.args, ...(source === undefined ? {} : { metadata: { output: { labels: ['untrusted', source] } } }) };
        const execute: ToolExecutor = (args) => (client !== undefined && tool.mcp === true ? client.callTool({ name: tool.name, arguments: { ...args } }) : tool.run({ ...args }));
        let release: () => void = () => undefined;
        const gate = new Promise<void>((resolve) => {
          release = resolve;
        });
        let reached: () => void = () => undefined;
        const decided = new Promise<void>((resolve) => {
          reached = resolve;
        });
        const outcome = session.runToolCall(input, async (args, context) => {
          reached();
          await gate;
          return execute(args, context);
        });
        await Promise.race([decided, outcome]);
        held.push({ call, input, execute, outcome, release });
      }
      for (const entry of held) entry.release();
      for (const { call, input, execute, outcome: running } of held) {
        let outcome = await running;
        if (outcome.type === 'approval-required' && answers[call.id] === true) {
          session.grantApproval(outcome.approvalId, { toolCallId: call.id, tool: call.tool });
          outcome = await session.runToolCall(input, execute);
        }
        if (outcome.type === 'executed') {
          seen.set(call.id, { type: 'result', value: outcome.result });
          parts.push({ key: `tool:${call.id}`, role: 'tool', content: JSON.stringify(outcome.result), toolCallId: call.id, toolName: call.tool });
        } else if (outcome.type === 'denied') {
          seen.set(call.id, { type: 'denied', reason: outcome.result.reason });
          parts.push({ key: `tool:${call.id}`, role: 'tool', content: JSON.stringify(outcome.result), toolCallId: call.id, toolName: call.tool });
        } else if (outcome.type === 'failed') {
          const message = errorText(outcome.error);
          seen.set(call.id, { type: 'error', message });
          parts.push({ key: `tool:${call.id}`, role: 'tool', content: message, toolCallId: call.id, toolName: call.tool });
        } else {
          // Nobody approved: the person's refusal is the framework's, not a tool's output; nothing is indexed.
          seen.set(call.id, { type: 'refused', reason: 'the person refused this call' });
        }
      }
    }
    session.end();
    return { path: 'core', events, seen, finalText };
  } finally {
    await client?.close();
    await mcp?.close();
  }
}
