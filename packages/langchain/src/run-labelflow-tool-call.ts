import { prepareToolCall, type Session, type ToolCallInput, type ToolCallOutcome, type ToolExecutor, type ToolResultRecord } from '@labelflow/core';
import { approveThroughInterrupt, type Refusal } from './approve-through-interrupt.js';
import { callMetadataFor } from './call-metadata.js';
import { describeTool } from './describe-tool.js';
import { runInPreparedCallScope } from './prepared-call-scope.js';
import { readyMadeToolOf } from './ready-made-tools.js';
import { adapterStateOf } from './session-adapter-state.js';
import { recordableOutput, withModelResult } from './tool-output.js';

/** One tool call as LangChain hands it over, and how to run it. */
export interface LabelflowToolCall {
  readonly session: Session;
  readonly toolName: string;
  readonly toolCallId: string;
  /** The arguments as the model wrote them (secrets appear as handles). */
  readonly args: Readonly<Record<string, unknown>>;
  /** The tool object, read for `metadata.labelflow` and the MCP source; undefined for dynamic tools. */
  readonly tool?: unknown;
  /** Runs the tool with the arguments the engine resolved (guard transforms applied, handles resolved). */
  readonly execute: (args: Readonly<Record<string, unknown>>) => Promise<unknown>;
  /** LangGraph's `interrupt`, when the call runs in a graph node. */
  readonly interrupt?: ((value: unknown) => unknown) | undefined;
}

/** What became of a call: executed (with the output the framework returns), or refused. */
export type LabelflowToolCallResult = { readonly type: 'executed'; readonly output: unknown; readonly record: ToolResultRecord } | Refusal;

/**
 * Decides, runs, labels and records one LangChain tool call through the session: the translation both
 * `labelflowMiddleware` and `wrapTool` use. The decision is entirely the engine's (`session.runToolCall`); this
 * function only moves LangChain values in and out:
 *
 * - the output's content (what the model will read) is what the engine labels, redacts and indexes, and the
 *   framework gets the output back with the engine's model result in it;
 * - `require-approval` with no `onApproval` goes through LangGraph's `interrupt`;
 * - a tool that throws is rethrown, so LangChain handles it exactly as it would without labelflow;
 * - a ready-made tool (`shellTool`, `fileTools`) prepares the call itself (the commands, paths and hosts it
 *   touches), and its function runs the executor bound to that prepared call.
 */
export async function runLabelflowToolCall(input: LabelflowToolCall): Promise<LabelflowToolCallResult> {
  const { session, toolName, toolCallId } = input;
  const state = adapterStateOf(session);
  const readyMade = readyMadeToolOf(input.tool);
  const prepared = readyMade?.name === toolName ? prepareToolCall({ session, tool: readyMade, toolCallId, args: input.args }) : undefined;
  const { metadata } = prepared === undefined ? callMetadataFor({ description: describeTool(input.tool) }) : {};
  const call: ToolCallInput = prepared?.call ?? { toolName, toolCallId, args: input.args, ...(metadata === undefined ? {} : { metadata }) };
  // The framework's output, kept aside while the engine records its content.
  const held: { output?: unknown; recorded?: unknown } = {};
  const execute: ToolExecutor = async (args, context) => {
    held.output = await (readyMade === undefined || prepared === undefined
      ? input.execute(args)
      : runInPreparedCallScope({ tool: readyMade, execute: async (checked) => prepared.execute(checked, context) }, () => input.execute(args)));
    held.recorded = recordableOutput(held.output);
    return held.recorded;
  };
  const run = (): Promise<ToolCallOutcome> => session.runToolCall(call, execute);

  let outcome: ToolCallOutcome | Refusal = await run();
  if (outcome.type === 'approval-required') {
    outcome = await approveThroughInterrupt({ session, state, call, outcome, interrupt: input.interrupt, rerun: run });
  }
  switch (outcome.type) {
    case 'executed':
      return { type: 'executed', output: withModelResult(held.output, { recorded: held.recorded, record: outcome.record, redact: (value) => session.redact(value) }), record: outcome.record };
    case 'failed':
      throw outcome.error;
    case 'denied':
      state.refused.add(toolCallId);
      return { type: 'refused', decision: outcome.decision };
    case 'refused':
      state.refused.add(toolCallId);
      return outcome;
    default:
      // Fail closed: an approval still pending after the approval step is a refusal.
      state.refused.add(toolCallId);
      return { type: 'refused', decision: outcome.decision };
  }
}
