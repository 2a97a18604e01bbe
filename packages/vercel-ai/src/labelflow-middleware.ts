import type { ModelCallRecord } from '@labelflow/core';
import type { LanguageModelMiddleware } from 'ai';
import {
  MIDDLEWARE_SPEC_VERSION,
  type ModelContent,
  type ModelPrompt,
  type ModelProviderMetadata,
  type ModelStreamPart,
} from './ai-sdk-types.js';
import { conversationParts } from './conversation-parts.js';
import type { InstructionsVerifier } from '@labelflow/core';
import { promptInstructions } from './prompt-instructions.js';
import type { RunRegistry } from './run-registry.js';
import { skipsResult, type RunState } from './run-state.js';

/** What labelflow adds to a response's provider metadata: the labels of everything the model wrote in it. */
export type OutputLabels = {
  readonly session: string;
  readonly labels: string[];
  readonly taint: string[];
  readonly influenced: boolean;
};

interface ModelCall {
  readonly run: RunState;
  readonly labels: OutputLabels;
}

/** Which instructions a model's calls are registered and verified under (see `docs/vercel-ai.md`, "Signed instructions"). */
export interface MiddlewareInstructions {
  readonly verifier: InstructionsVerifier;
  readonly name: string;
}

/** Finds the call's run (or starts one), indexes the prompt parts it has not seen, and labels the output. */
function beginModelCall(registry: RunRegistry, prompt: ModelPrompt, instructions: MiddlewareInstructions | undefined): ModelCall {
  const found = registry.find({ messages: prompt });
  const run = found.type === 'found' ? found.run : registry.create();
  registry.release(run);
  // Before anything is indexed: tampered instructions throw here (deny), or must not be indexed as trusted (flag).
  const verdict = instructions?.verifier.beforeModelCall({ session: run.session, name: instructions.name, read: () => promptInstructions(prompt) });
  const { parts, cursor } = conversationParts(prompt, { cursor: run.promptCursor, skip: (id) => skipsResult(run, id) });
  run.promptCursor = cursor;
  run.modelCalls += 1;
  const record: ModelCallRecord = run.session.recordModelCall({ parts: verdict?.type === 'flagged' ? parts.filter((part) => part.role !== 'system') : parts });
  const labels = { session: run.session.id, labels: [...record.output.labels], taint: [...record.output.taint], influenced: record.influenced };
  return { run, labels };
}

function withLabels(metadata: ModelProviderMetadata | undefined, labels: OutputLabels): ModelProviderMetadata {
  return { ...metadata, labelflow: labels };
}

function markContent(registry: RunRegistry, run: RunState, part: ModelContent): ModelContent {
  if (part.type !== 'tool-call') return part;
  return { ...part, providerMetadata: { ...part.providerMetadata, labelflow: registry.mark(run, part.toolCallId) } };
}

function markStreamPart(registry: RunRegistry, call: ModelCall, part: ModelStreamPart): ModelStreamPart {
  if (part.type === 'tool-call') return markContent(registry, call.run, part) as ModelStreamPart;
  if (part.type === 'finish') return { ...part, providerMetadata: withLabels(part.providerMetadata, call.labels) };
  return part;
}

/**
 * The language-model middleware of a `labelflow()` instance (`lf.middleware`; `lf.model(model)` applies it). On
 * every model call it finds the run's session (or starts one on a run's first call), indexes the prompt parts
 * the session has not seen (system and user text, tool results by tool call id; each once), and labels the
 * output: `providerMetadata.labelflow` holds the labels of the response, `influenced` included. Each tool call
 * in the response is marked with its run, so `toolApproval` and the tools find the session that decides it.
 * Streams pass through part by part; nothing is buffered.
 *
 * Tool calls are decided in `toolApproval`, on the input the SDK validated and will execute, not here on the
 * raw JSON: see `docs/vercel-ai.md`.
 *
 * With `instructions`, the system messages are registered under its name on the session's first call (and
 * autosigned), and under autoverify checked against their signatures before every call: tampering throws
 * `InstructionsTamperedError` before the model runs, or (`onTamper: 'flag'`) is indexed `untrusted`.
 *
 * @example
 * ```ts
 * const model = wrapLanguageModel({ model: openai('gpt-5'), middleware: lf.middleware });
 * ```
 */
export function labelflowMiddleware({ registry, instructions }: { registry: RunRegistry; instructions?: MiddlewareInstructions }): LanguageModelMiddleware {
  return {
    specificationVersion: MIDDLEWARE_SPEC_VERSION,
    async wrapGenerate({ doGenerate, params }) {
      const call = beginModelCall(registry, params.prompt, instructions);
      const result = await doGenerate();
      return {
        ...result,
        content: result.content.map((part) => markContent(registry, call.run, part)),
        providerMetadata: withLabels(result.providerMetadata, call.labels),
      };
    },
    async wrapStream({ doStream, params }) {
      const call = beginModelCall(registry, params.prompt, instructions);
      const result = await doStream();
      const mark = new TransformStream<ModelStreamPart, ModelStreamPart>({
        transform(part, controller) {
          controller.enqueue(markStreamPart(registry, call, part));
        },
      });
      return { ...result, stream: result.stream.pipeThrough(mark) };
    },
  };
}
