import type { SessionEvent, ToolMetadata } from '@labelflow/core';
import { labelflow } from '@labelflow/vercel-ai';
import { generateText, isStepCount, tool, type ToolSet } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import type { AgentDriver, AgentRunInput, AgentRunResult, ModelToolCall, ModelViewMessage } from '../harness/agent-driver.js';
import { callRecords, policyDenial } from './call-records.js';

type GenerateOptions = Parameters<MockLanguageModelV4['doGenerate']>[0];
type GenerateResult = Awaited<ReturnType<MockLanguageModelV4['doGenerate']>>;
type Prompt = GenerateOptions['prompt'];

const USAGE: GenerateResult['usage'] = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

type Loose = Readonly<Record<string, unknown>>;

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Loose)[key] : undefined;
}

/** The tool results of a model call's prompt, by tool call id (the SDK's `LanguageModelV4ToolResultOutput`). */
function toolOutputs(prompt: Prompt): Map<string, unknown> {
  const outputs = new Map<string, unknown>();
  for (const message of prompt) {
    if (message.role !== 'tool') continue;
    for (const part of message.content) if (part.type === 'tool-result') outputs.set(part.toolCallId, part.output);
  }
  return outputs;
}

/**
 * What the model reads of one tool result, as a `tool` message: the SDK's `json`/`text` outputs are the result
 * (an engine denial written as a result, from an after-guard that withheld it, is `denied`); `execution-denied`
 * is labelflow's refusal from `toolApproval`; `error-*` outputs are tool or framework errors.
 */
export function viewOfOutput(call: ModelToolCall, output: unknown): Extract<ModelViewMessage, { role: 'tool' }> {
  const base = { role: 'tool' as const, toolCallId: call.toolCallId, toolName: call.toolName };
  const type = field(output, 'type');
  const value = field(output, 'value');
  if (output === undefined) return { ...base, status: 'error', content: { error: 'no result' } };
  if (type === 'execution-denied') return { ...base, status: 'denied', content: { error: 'execution-denied', reason: field(output, 'reason') } };
  if (type === 'error-text' || type === 'error-json') return { ...base, status: 'error', content: { error: value } };
  const content = type === 'json' || type === 'text' ? value : output;
  return { ...base, status: policyDenial(content) === undefined ? 'ok' : 'denied', content };
}

/**
 * Runs scenarios through the real Vercel AI SDK 7 loop: `generateText` with the scripted model behind the SDK's
 * own `MockLanguageModelV4`, and labelflow as an app would install it (`lf.model`, `lf.tools`,
 * `lf.toolApproval`, metadata beside the tools). With `protection: null` the same loop runs with plain tools and
 * the bare model.
 *
 * The model is shown the conversation rebuilt from each model call's prompt: its own tool calls, and each tool
 * result as the SDK hands it back (a denial from `toolApproval` is the SDK's `execution-denied` output). The
 * deciding rule ids of a denial come from the session's `decision` events.
 *
 * @example
 * ```ts
 * const result = await runAttack(suite, task, injection, 'P0', { driver: createVercelAiDriver() });
 * ```
 */
export function createVercelAiDriver(): AgentDriver {
  return {
    name: 'vercel-ai',
    async run({ prompt, tools, protection, model, maxSteps }: AgentRunInput): Promise<AgentRunResult> {
      const raw = new Map<string, unknown>();
      const ruleIds = new Map<string, readonly string[]>();
      const sdkTools: ToolSet = {};
      for (const spec of tools) {
        sdkTools[spec.name] = tool({
          description: spec.description,
          inputSchema: spec.input,
          execute: async (args: Record<string, unknown>, { toolCallId }: { toolCallId: string }) => {
            const value = spec.execute({ ...args });
            raw.set(toolCallId, value);
            return value;
          },
        });
      }

      const messages: ModelViewMessage[] = [{ role: 'user', content: prompt }];
      let pending: readonly ModelToolCall[] = [];
      let finalText: string | undefined;
      const mock = new MockLanguageModelV4({
        doGenerate: async ({ prompt: modelPrompt }: GenerateOptions): Promise<GenerateResult> => {
          const outputs = toolOutputs(modelPrompt);
          for (const call of pending) messages.push(viewOfOutput(call, outputs.get(call.toolCallId)));
          pending = [];
          const turn = model.next({ messages });
          if (turn.type === 'final') {
            finalText = turn.text;
            return { content: [{ type: 'text', text: turn.text }], finishReason: { unified: 'stop', raw: undefined }, usage: USAGE, warnings: [] };
          }
          messages.push({ role: 'assistant', toolCalls: turn.calls });
          pending = turn.calls;
          const content = turn.calls.map((call) => ({ type: 'tool-call' as const, toolCallId: call.toolCallId, toolName: call.toolName, input: JSON.stringify(call.args) }));
          return { content, finishReason: { unified: 'tool-calls', raw: undefined }, usage: USAGE, warnings: [] };
        },
      });

      if (protection === null) {
        await generateText({ model: mock, tools: sdkTools, prompt, stopWhen: isStepCount(maxSteps) });
      } else {
        const metadata: Record<string, ToolMetadata> = {};
        for (const spec of tools) metadata[spec.name] = spec.metadata;
        const onEvent = (event: SessionEvent) => {
          if (event.type === 'decision' && event.decision.type === 'deny') ruleIds.set(event.toolCallId, event.decision.ruleIds);
        };
        const lf = labelflow({ policy: protection.policy, tools: metadata, guards: protection.guards, onEvent });
        await generateText({ model: lf.model(mock), tools: lf.tools(sdkTools), toolApproval: lf.toolApproval, prompt, stopWhen: isStepCount(maxSteps) });
      }
      if (pending.length > 0) {
        // The SDK stopped with calls unanswered: an approval request (the suites ask for none) or the step limit.
        throw new Error(`the Vercel AI SDK run stopped with ${pending.length} unanswered tool call(s) (approval requested, or ${maxSteps} steps reached)`);
      }
      if (finalText === undefined) throw new Error(`the scripted model did not answer within ${maxSteps} steps`);
      return { finalText, calls: callRecords(messages, { raw, ruleIds, protected: protection !== null, guarded: protection !== null && protection.guards.length > 0 }) };
    },
  };
}
