import type { z } from 'zod';
import type { OperationInput } from '../evaluate/tool-call-request.js';
import type { ToolMetadata } from '../policy/policy-schema.js';
import type { Session } from '../session/create-session.js';

/**
 * What one call of a tool is, computed before the session decides it: the call's metadata (operation labels,
 * control arguments, output labels), the commands, paths and hosts it touches, a summary for approval prompts,
 * and the facts `execute` checks again before it acts. A call the tool refuses outright carries `refusal`,
 * and its operation names `labelflow-refused` (on the built-in danger list), so the session denies it.
 */
export interface PreparedCall<F = unknown> {
  readonly metadata: ToolMetadata;
  readonly operation: OperationInput;
  /** One line describing what the call does, for people approving it. */
  readonly summary: string;
  readonly refusal?: string;
  /** The tool's own record of what it checked; `execute` refuses arguments that no longer match it. */
  readonly facts?: F;
}

/** The second argument of a ready-made tool's `execute`: the session's executor context plus the prepared call. */
export interface LabelflowToolContext<F = unknown> {
  readonly credentials: Readonly<Record<string, string>>;
  readonly toolCallId: string;
  readonly prepared: PreparedCall<F> | undefined;
}

/**
 * A framework-free tool definition. An adapter turns it into a framework tool with one call: describe it with
 * `name`, `description` and `inputSchema`, and run each call with `runTool({ session, tool, toolCallId, args })`,
 * which prepares the call, lets the session decide it and executes it.
 */
export interface LabelflowTool<I = Record<string, unknown>, O = unknown, F = unknown> {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: z.ZodType<I>;
  /** What every call of this tool is; `prepare` refines it per call. */
  readonly metadata: ToolMetadata;
  /** Computes the call's metadata and operation. Never throws: arguments it cannot accept give a refusal. */
  prepare(args: unknown, context: { readonly session: Session; readonly toolCallId: string }): PreparedCall<F>;
  /** Runs an allowed call. Throws `ToolRefusedError` when the call was not prepared or its arguments changed. */
  execute(args: Readonly<Record<string, unknown>>, context: LabelflowToolContext<F>): Promise<O>;
}

/** Any ready-made tool, whatever its types: what adapters accept. */
export type AnyLabelflowTool = LabelflowTool<any, any, any>;
