import type { GuardBypass } from '../guards/index.js';
import type { Session } from '../session/create-session.js';
import type { ToolCallInput, ToolExecutor } from '../session/session-types.js';
import type { AnyLabelflowTool, PreparedCall } from './labelflow-tool.js';

/** One call of a ready-made tool, as a framework hands it over. */
export interface ToolCallRequestInput {
  readonly session: Session;
  readonly tool: AnyLabelflowTool;
  readonly toolCallId: string;
  /** The arguments the model sent (validated by the tool, not by the caller). */
  readonly args: unknown;
  readonly guards?: GuardBypass;
}

/** A prepared call in the engine's terms: what to pass to `session.runToolCall` (or `checkToolCall`). */
export interface PreparedToolCall {
  readonly prepared: PreparedCall;
  /** The call with the tool's per-call metadata and operation. */
  readonly call: ToolCallInput;
  /** The executor to hand the engine: the tool's `execute`, bound to this prepared call. */
  readonly execute: ToolExecutor;
}

/**
 * Prepares one call of a ready-made tool for the engine: the `ToolCallInput` (with the call's metadata and the
 * commands, paths and hosts it touches) and the executor bound to the prepared call. `runTool` is this plus
 * `session.runToolCall`; adapters that decide a call before executing it (an approval hook, then `execute`)
 * use it directly and keep `execute` from the decision to the execution.
 *
 * @example
 * ```ts
 * const { call, execute } = prepareToolCall({ session, tool: shell, toolCallId, args });
 * const outcome = await session.runToolCall(call, execute);
 * ```
 */
export function prepareToolCall({ session, tool, toolCallId, args, guards }: ToolCallRequestInput): PreparedToolCall {
  const prepared = tool.prepare(args, { session, toolCallId });
  // Arguments that are not an object were refused by `prepare`; the session still decides (and records) the call.
  const record = args !== null && typeof args === 'object' && !Array.isArray(args) ? (args as Record<string, unknown>) : {};
  return {
    prepared,
    call: { toolName: tool.name, toolCallId, args: record, metadata: prepared.metadata, operation: prepared.operation, ...(guards === undefined ? {} : { guards }) },
    execute: (resolved, context) => tool.execute(resolved, { ...context, prepared }),
  };
}
