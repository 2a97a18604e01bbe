import { REFUSED_COMMAND } from '../capabilities/default-danger.js';
import type { ToolMetadata } from '../policy/policy-schema.js';
import type { PreparedCall } from './labelflow-tool.js';
import { ToolRefusedError } from './tool-refused-error.js';

/**
 * A prepared call the tool refuses: its operation runs `labelflow-refused <reason>`, which the built-in danger
 * list denies, so the session's decision is a `capability-denied` that names the reason.
 *
 * @example
 * ```ts
 * refusedCall({ reason: 'uncertain command: `eval` runs its arguments as a new command', metadata: { labels: ['op:cmd'] } });
 * ```
 */
export function refusedCall<F>({ reason, metadata }: { reason: string; metadata: ToolMetadata }): PreparedCall<F> {
    // The reason is shown inside backticks in the decision's message: quote its own code spans differently.
  return Object.freeze({ metadata, operation: { commands: [[REFUSED_COMMAND, reason.replaceAll('`', "'")]] }, summary: `refused: ${reason}`, refusal: reason });
}

/** The facts of a prepared call `execute` may act on, or a `ToolRefusedError` saying why not. */
export function requirePrepared<F>(tool: string, prepared: PreparedCall<F> | undefined): F {
  // Fail closed: a call nobody prepared was never checked against the command, the paths or the hosts it touches.
  if (prepared === undefined || prepared.facts === undefined) {
    throw new ToolRefusedError({ tool, reason: prepared?.refusal ?? 'the call was not prepared: run it with `runTool`, which checks it first' });
  }
  if (prepared.refusal !== undefined) throw new ToolRefusedError({ tool, reason: prepared.refusal });
  return prepared.facts;
}
