export {
  outcome,
  type AllowOutcome,
  type DenyOutcome,
  type GuardOutcome,
  type RelabelChange,
  type RelabelOutcome,
  type RequireApprovalOutcome,
  type RetryOutcome,
  type TransformOutcome,
  type TransformReplacement,
} from './guard-outcome.js';
export type { GuardContext, GuardPhase, GuardToolCall } from './guard-context.js';
export { defineGuard, type Guard, type GuardDefinition, type GuardHandler } from './define-guard.js';
export type { GuardSelector } from './compile-guard-selector.js';
export { guardApplies } from './guard-applies.js';
export type { GuardBypass } from './apply-guard-bypass.js';
export { runGuards, type RunGuardsOptions } from './run-guards.js';
export type {
  GuardApproval,
  GuardContinueReduction,
  GuardDenialCode,
  GuardDenyReduction,
  GuardReduction,
  GuardRelabel,
  GuardRetryReduction,
} from './guard-reduction.js';
export { InvalidGuardError } from './invalid-guard-error.js';
export { GuardBypassError, type GuardBypassCode } from './guard-bypass-error.js';
