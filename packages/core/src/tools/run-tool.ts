import type { ToolCallOutcome } from '../session/session-types.js';
import type { PreparedCall } from './labelflow-tool.js';
import { prepareToolCall, type ToolCallRequestInput } from './prepare-tool-call.js';

/** One call of a ready-made tool, as a framework hands it over. */
export type RunToolInput = ToolCallRequestInput;

/** The session's outcome, with the prepared call (its `summary` is what an approval prompt should show). */
export type RunToolOutcome = ToolCallOutcome & { readonly prepared: PreparedCall };

/**
 * Runs one call of a ready-made tool through a session: the tool prepares the call (labels, commands, paths,
 * hosts), the session decides it (policy, guards, approval), and the tool executes it only if allowed. This is
 * the one function an adapter calls in its framework tool's `execute`.
 *
 * @example
 * ```ts
 * const shell = shellTool({ cwd: '/work/app' });
 * const outcome = await runTool({ session, tool: shell, toolCallId: 'call_1', args: { command: 'git status' } });
 * outcome.type; // 'executed' | 'denied' | 'approval-required' | 'failed'
 * ```
 */
export async function runTool(input: RunToolInput): Promise<RunToolOutcome> {
  const { prepared, call, execute } = prepareToolCall(input);
  const outcome = await input.session.runToolCall(call, execute);
  return { ...outcome, prepared };
}
