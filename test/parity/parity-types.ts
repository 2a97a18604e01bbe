import type { Guard, Label, Policy, SessionEvent, ToolMetadata } from '@labelflow/core';
import type { z } from 'zod';

/** The three ways a parity scenario runs: the engine driven directly, and the two real framework paths. */
export const PATHS = ['core', 'vercel-ai', 'langchain'] as const;
export type PathName = (typeof PATHS)[number];

/** A tool of a scenario, described once: every path builds its own framework tool from this. */
export interface ParityTool {
  readonly name: string;
  readonly description: string;
  /** The input schema's shape (a zod object of these keys). */
  readonly input: z.ZodRawShape;
  /** What labelflow is told about the tool (beside the tools, as an app would); absent: nobody describes it. */
  readonly metadata?: ToolMetadata;
  /** The tool's deterministic behaviour. Throwing is a tool error. */
  readonly run: (args: Record<string, unknown>) => unknown;
  /**
   * Served by the scenario's in-memory MCP server (named `ParityScenario.mcpServer`) and loaded through each
   * framework's MCP client; `run` must then return text, which the server sends as one text content block.
   */
  readonly mcp?: boolean;
}

/** One tool call the scripted model makes. `id` is the tool call id on every path. */
export interface ScriptedCall {
  readonly id: string;
  readonly tool: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/**
 * One model step: tool calls (several run as parallel calls of one step), optionally with text the model writes
 * beside them (`say`), or the final answer.
 */
export type ScriptedTurn = { readonly calls: readonly ScriptedCall[]; readonly say?: string } | { readonly text: string };

/** How a `require-approval` call is answered, by tool call id (`true` approves). */
export interface ApprovalScript {
  /**
   * `callback`: every path passes `onApproval` and the engine asks it in-process. `native`: no `onApproval`;
   * each path uses its framework's own flow (core: `approval-required` then `grantApproval`; Vercel: the SDK's
   * `tool-approval-request` answered with a `tool-approval-response`; LangChain: `interrupt`, resumed with a
   * `Command` on the same thread).
   */
  readonly mode: 'callback' | 'native';
  readonly answers: Readonly<Record<string, boolean>>;
}

/** What the core path must do with a call: the scenario's claim, checked before any path is compared. */
export interface ExpectedCall {
  readonly outcome: CallOutcome;
  readonly ruleIds?: readonly string[];
}

/**
 * One parity scenario, as data: the prompt, the tools with their metadata, the scripted model turns (the same
 * calls on every path, whatever the outcomes), the policy and guards, and how approvals are answered.
 */
export interface ParityScenario {
  readonly id: string;
  readonly title: string;
  readonly prompt: string;
  readonly tools: readonly ParityTool[];
  readonly policy: Policy;
  /** A factory: guards are built afresh for each path (a guard may keep state). */
  readonly guards?: () => readonly Guard[];
  readonly approvals?: ApprovalScript;
  /** The name of the in-memory MCP server (and MCP client) serving the tools marked `mcp`. */
  readonly mcpServer?: string;
  readonly turns: readonly ScriptedTurn[];
  readonly expected: Readonly<Record<string, ExpectedCall>>;
}

/** What became of a call, as the model saw it. */
export type CallOutcome = 'executed' | 'denied' | 'failed' | 'refused' | 'unanswered';

/** A decision as compared: the engine's summary and the argument labels (sorted). */
export interface DecisionTrace {
  readonly type: string;
  readonly code: string;
  readonly ruleIds: readonly string[];
  readonly argLabels: Readonly<Record<string, readonly Label[]>>;
}

/** One call as a path ran it. */
export interface CallTrace {
  readonly toolCallId: string;
  readonly tool: string;
  /** Every decision the engine made about the call, in order (after the normalisation). */
  readonly decisions: readonly DecisionTrace[];
  readonly outcome: CallOutcome;
  /** What the model read back, normalised (see `normaliseSeen`). */
  readonly seen: unknown;
}

/** What one path did with a scenario: raw events (for the record) and what is compared. */
export interface PathRun {
  readonly path: PathName;
  readonly events: readonly SessionEvent[];
  /** What the model read back per tool call id, as the framework delivered it. */
  readonly seen: ReadonlyMap<string, RawSeen>;
  readonly finalText: string;
}

/** A tool result as the model received it, before normalisation. */
export type RawSeen =
  | { readonly type: 'result'; readonly value: unknown }
  | { readonly type: 'denied'; readonly reason: string }
  | { readonly type: 'refused'; readonly reason: string }
  | { readonly type: 'error'; readonly message: string };

/** A path's run, normalised for comparison. */
export interface PathTrace {
  readonly path: PathName;
  readonly calls: readonly CallTrace[];
  readonly events: readonly NormalisedEvent[];
  readonly finalText: string;
}

/** A `SessionEvent` with what differs by framework removed (see `normalise-events.ts`). */
export type NormalisedEvent = Readonly<Record<string, unknown>> & { readonly type: string };
