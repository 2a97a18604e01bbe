import { deniedResult, type Decision } from '@labelflow/core';
import type { AdapterContext } from './adapter-context.js';
import { PolicyDeniedError } from './policy-denied-error.js';
import type { RunState } from './run-state.js';

/**
 * What a tool's `execute` returns instead of running: the engine's readable denial (`{ error: 'policy_denied',
 * code, rule, reason }`), or a thrown `PolicyDeniedError` with `onDeny: 'throw'`. The run remembers that this
 * result is labelflow's own text, so it is never indexed as tool output.
 */
export function refuse(context: AdapterContext, run: RunState | undefined, toolCallId: string, decision: Decision): unknown {
  run?.synthetic.add(toolCallId);
  if (context.onDeny === 'throw') throw new PolicyDeniedError({ decision });
  return deniedResult(decision);
}
