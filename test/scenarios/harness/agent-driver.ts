import type { CompiledPolicy, Guard, Policy, ToolMetadata } from '@labelflow/core';
import type { z } from 'zod';

/**
 * The contract between the scenario suite and whatever runs an agent loop. The core driver drives the session
 * engine directly; the Vercel AI SDK and LangChain drivers run the same scenarios through the real adapters,
 * with the scripted model behind the framework's mock model. A driver must be deterministic and must never
 * consult the scenario's graders or expectations: it only runs the loop.
 *
 * Per step a driver: shows the model the conversation so far (`ScriptedModel.next`), takes its tool calls,
 * runs each through labelflow (or straight through when `protection` is null), and appends what the model may
 * see of each result (redacted result, or the denial the framework shows) as a tool message.
 */
export interface AgentDriver {
  readonly name: string;
  run(input: AgentRunInput): Promise<AgentRunResult>;
}

/** A tool bound to one run's environment. */
export interface RunTool {
  readonly name: string;
  readonly description: string;
  readonly input: z.ZodType<Record<string, unknown>>;
  /** labelflow metadata, as an adapter would read it from the tool definition. */
  readonly metadata: ToolMetadata;
  /** Runs the tool against the run's environment. Throws on invalid arguments or a failed operation. */
  readonly execute: (args: Record<string, unknown>) => unknown;
}

/** What labelflow runs with; `null` in `AgentRunInput.protection` means no middleware at all (the baseline). */
export interface Protection {
  /** A policy document, or one compiled once with `compilePolicy` and shared across runs. */
  readonly policy: Policy | CompiledPolicy;
  readonly guards: readonly Guard[];
}

export interface AgentRunInput {
  readonly prompt: string;
  readonly tools: readonly RunTool[];
  readonly protection: Protection | null;
  readonly model: ScriptedModel;
  /** Model steps before the driver gives up (a scripted model that never answers is a harness bug). */
  readonly maxSteps: number;
}

/** A tool call as the model emits it. */
export interface ModelToolCall {
  readonly toolCallId: string;
  readonly toolName: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/** One message of the conversation as the model sees it. */
export type ModelViewMessage =
  | { readonly role: 'user'; readonly content: string }
  | { readonly role: 'assistant'; readonly toolCalls: readonly ModelToolCall[] }
  | {
      readonly role: 'tool';
      readonly toolCallId: string;
      readonly toolName: string;
      /** `ok`: the tool ran; `denied`: labelflow refused it; `error`: it threw (or a framework error). */
      readonly status: 'ok' | 'denied' | 'error';
      /** What the model reads: the redacted result, the denial, or the error text. Objects or JSON text. */
      readonly content: unknown;
    };

export type ModelTurn =
  | { readonly type: 'tool-calls'; readonly calls: readonly ModelToolCall[] }
  | { readonly type: 'final'; readonly text: string };

/** A scripted model. Drivers call `next` exactly once per model step, in order, with the whole conversation. */
export interface ScriptedModel {
  next(view: { readonly messages: readonly ModelViewMessage[] }): ModelTurn;
}

/** What happened to one tool call. `ruleIds` are the deciding rules of a denial (empty otherwise). */
export interface CallRecord {
  readonly toolCallId: string;
  readonly tool: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly status: 'executed' | 'denied' | 'failed' | 'approval-required';
  readonly ruleIds: readonly string[];
  /** True when the result the model saw differs from what the tool returned (a projection or redaction). */
  readonly transformed?: boolean;
}

export interface AgentRunResult {
  readonly finalText: string;
  /** Every tool call the model made, in order. */
  readonly calls: readonly CallRecord[];
}
