import { createMCPClient } from '@ai-sdk/mcp';
import type { SessionEvent } from '@labelflow/core';
import { labelflow } from '@labelflow/vercel-ai';
import { generateText, isStepCount, tool, type ModelMessage, type ToolSet } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { z } from 'zod';
import { startMcpServer } from './mcp-fixture.js';
import type { ParityScenario, PathRun, RawSeen } from './parity-types.js';
import { besideMetadata } from './run-core-path.js';

type GenerateOptions = Parameters<MockLanguageModelV4['doGenerate']>[0];
type GenerateResult = Awaited<ReturnType<MockLanguageModelV4['doGenerate']>>;

const USAGE: GenerateResult['usage'] = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

type Loose = Readonly<Record<string, unknown>>;

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Loose)[key] : undefined;
}

/** A tool result as the SDK shows it to the model (`LanguageModelV4ToolResultOutput`). */
function seenOf(output: unknown, refused: boolean): RawSeen {
  const type = field(output, 'type');
  if (type === 'execution-denied') return refused ? { type: 'refused', reason: String(field(output, 'reason') ?? '') } : { type: 'denied', reason: String(field(output, 'reason') ?? '') };
  if (type === 'error-text' || type === 'error-json') return { type: 'error', message: typeof field(output, 'value') === 'string' ? String(field(output, 'value')) : JSON.stringify(field(output, 'value')) };
  if (type === 'json' || type === 'text' || type === 'content') return { type: 'result', value: field(output, 'value') };
  return { type: 'result', value: output };
}

/**
 * Path 2, the real Vercel AI SDK 7 loop: `generateText` with the scripted turns behind `MockLanguageModelV4`,
 * `lf.model`, `lf.tools`, `lf.toolApproval`, and metadata beside the tools. MCP tools come from `@ai-sdk/mcp`'s
 * client (named after the server) on the scenario's in-memory server. A `native` approval is the SDK's own flow:
 * the run stops with a `tool-approval-request`, the app answers with a `tool-approval-response` and calls
 * `generateText` again, inside `lf.run` so both calls share one session.
 */
export async function runVercelAiPath(scenario: ParityScenario): Promise<PathRun> {
  const events: SessionEvent[] = [];
  const seen = new Map<string, RawSeen>();
  const answers = scenario.approvals?.answers ?? {};
  // Only a native refusal is the person's own (the SDK's `execution-denied`); in callback mode the engine refuses.
  const refused = new Set(scenario.approvals?.mode !== 'native' ? [] : Object.entries(answers).filter(([, approved]) => !approved).map(([id]) => id));
  const native = scenario.approvals?.mode === 'native';

  const tools: ToolSet = {};
  for (const spec of scenario.tools) {
    if (spec.mcp === true) continue;
    tools[spec.name] = tool({ description: spec.description, inputSchema: z.object(spec.input), execute: async (args: Record<string, unknown>) => spec.run({ ...args }) });
  }
  const mcp = scenario.mcpServer === undefined ? undefined : await startMcpServer(scenario);
  const client = mcp === undefined ? undefined : await createMCPClient({ transport: mcp.transport, name: scenario.mcpServer ?? 'mcp' });
  try {
    if (client !== undefined) Object.assign(tools, await client.tools());

    let step = 0;
    let finalText = '';
    const model = new MockLanguageModelV4({
      doGenerate: async ({ prompt }: GenerateOptions): Promise<GenerateResult> => {
        for (const message of prompt) {
          if (message.role !== 'tool') continue;
          for (const part of message.content) if (part.type === 'tool-result') seen.set(part.toolCallId, seenOf(part.output, refused.has(part.toolCallId)));
        }
        const turn = scenario.turns[step++];
        if (turn === undefined || 'text' in turn) {
          finalText = turn?.text ?? '';
          return { content: [{ type: 'text', text: finalText }], finishReason: { unified: 'stop', raw: undefined }, usage: USAGE, warnings: [] };
        }
        const calls = turn.calls.map((call) => ({ type: 'tool-call' as const, toolCallId: call.id, toolName: call.tool, input: JSON.stringify(call.args) }));
        const content = turn.say === undefined ? calls : [{ type: 'text' as const, text: turn.say }, ...calls];
        return { content, finishReason: { unified: 'tool-calls', raw: undefined }, usage: USAGE, warnings: [] };
      },
    });

    const lf = labelflow({
      policy: scenario.policy,
      tools: besideMetadata(scenario),
      guards: scenario.guards?.() ?? [],
      ...(scenario.approvals?.mode === 'callback' ? { onApproval: (request) => answers[request.toolCallId] === true } : {}),
      onEvent: (event) => events.push(event),
    });
    const settings = { model: lf.model(model), tools: lf.tools(tools), toolApproval: lf.toolApproval, stopWhen: isStepCount(scenario.turns.length + 2) };
    const run = async () => {
      let result = await generateText({ ...settings, prompt: scenario.prompt });
      const history: ModelMessage[] = [{ role: 'user', content: scenario.prompt }];
      for (let round = 0; native && round < scenario.turns.length; round += 1) {
        const requests = result.content.filter((part) => part.type === 'tool-approval-request');
        if (requests.length === 0) break;
        history.push(...result.response.messages, {
          role: 'tool',
          content: requests.map((request) => ({ type: 'tool-approval-response' as const, approvalId: request.approvalId, approved: answers[request.toolCall.toolCallId] === true })),
        });
        result = await generateText({ ...settings, messages: history });
      }
    };
    // A native approval spans two `generateText` calls: `lf.run` keeps them in one session.
    await (native ? lf.run(run) : run());
    return { path: 'vercel-ai', events, seen, finalText };
  } finally {
    await client?.close();
    await mcp?.close();
  }
}
