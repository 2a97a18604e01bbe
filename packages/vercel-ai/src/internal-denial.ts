import { denyDecision, violation, type Decision } from '@labelflow/core';

/** A denial for a call the adapter could not hand to the engine safely: fail closed, with a readable reason. */
export function internalDenial(tool: string, reason: string, suggestion: string): Decision {
  return denyDecision({ tool, code: 'internal-error', violations: [violation({ ruleId: 'labelflow', reason, suggestion })], overridable: false });
}
