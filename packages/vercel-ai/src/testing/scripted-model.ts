import { simulateReadableStream } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import type { ModelContent, ModelGenerateResult, ModelStreamPart } from '../ai-sdk-types.js';

// Test helpers (not published): a scripted model built on the SDK's own MockLanguageModelV4, so tests drive the
// real generateText / streamText / ToolLoopAgent loops.

const USAGE: ModelGenerateResult['usage'] = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/** One model response: what the scripted model says in one step. */
export type ScriptedStep = readonly ModelContent[];

/** A tool call part, with its input as the JSON text a provider sends. */
export function toolCall(toolCallId: string, toolName: string, input: unknown): ModelContent {
  return { type: 'tool-call', toolCallId, toolName, input: JSON.stringify(input) };
}

/** A text part. */
export function text(value: string): ModelContent {
  return { type: 'text', text: value };
}

function generateResult(step: ScriptedStep): ModelGenerateResult {
  const calls = step.some((part) => part.type === 'tool-call');
  return { content: [...step], finishReason: { unified: calls ? 'tool-calls' : 'stop', raw: undefined }, usage: USAGE, warnings: [] };
}

function streamParts(step: ScriptedStep): ModelStreamPart[] {
  const parts: ModelStreamPart[] = [{ type: 'stream-start', warnings: [] }];
  step.forEach((part, index) => {
    if (part.type === 'text') {
      const id = `t${index}`;
      // Split text into words so a test can see it arrive piece by piece.
      parts.push({ type: 'text-start', id }, ...part.text.split(/(?<= )/u).map((delta): ModelStreamPart => ({ type: 'text-delta', id, delta })), { type: 'text-end', id });
    } else if (part.type === 'tool-call') {
      parts.push({ type: 'tool-input-start', id: part.toolCallId, toolName: part.toolName }, { type: 'tool-input-delta', id: part.toolCallId, delta: part.input }, { type: 'tool-input-end', id: part.toolCallId }, part);
    }
  });
  const { finishReason, usage } = generateResult(step);
  parts.push({ type: 'finish', finishReason, usage });
  return parts;
}

/**
 * A `MockLanguageModelV4` that answers step `i` of a run with `steps[i]`, for `generateText` and for
 * `streamText` (each step streamed part by part). After the script ends it says `done`.
 */
export function scriptedModel(steps: readonly ScriptedStep[], { chunkDelayInMs = 0 }: { chunkDelayInMs?: number } = {}): MockLanguageModelV4 {
  let generated = 0;
  let streamed = 0;
  const next = (index: number): ScriptedStep => steps[index] ?? [text('done')];
  return new MockLanguageModelV4({
    doGenerate: async () => generateResult(next(generated++)),
    doStream: async () => ({ stream: simulateReadableStream({ chunks: streamParts(next(streamed++)), chunkDelayInMs }) }),
  });
}
