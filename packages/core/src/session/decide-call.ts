import { allowDecision, denyDecision, violation, type Decision } from '../evaluate/decision.js';
import { evaluate } from '../evaluate/evaluate.js';
import { operationTargets } from '../evaluate/operation-targets.js';
import type { ToolCallRequest } from '../evaluate/tool-call-request.js';
import { markSessionRequest } from '../evaluate/trusted-request.js';
import type { Grounding } from '../grounding/index.js';
import { runGuards, type GuardContext, type GuardReduction } from '../guards/index.js';
import { applyRelabels } from './apply-relabels.js';
import { groundArgument, novelDescriptor, type GroundedArgument } from './ground-arguments.js';
import { modelOutputOf } from './model-output.js';
import type { SessionState } from './session-state.js';
import type { ToolCallInput } from './session-types.js';
import type { ResolvedToolMetadata } from './tool-metadata.js';

/** A call's arguments, grounded. */
export type Grounded = Record<string, GroundedArgument>;

function groundAll(state: SessionState, args: Readonly<Record<string, unknown>>): Grounded {
  const sources = { index: state.index, vault: state.run.vault, novel: novelDescriptor(modelOutputOf(state).influenced), lookups: new Map<string | number | boolean, Grounding>() };
  const grounded: Grounded = Object.create(null) as Grounded;
  for (const name of Object.keys(args)) grounded[name] = groundArgument(args[name], sources);
  return grounded;
}

/**
 * The request `evaluate` decides. It is marked as the session's own: every argument's `urls` holds each URL
 * `extractUrls` finds in a string value (`groundArgument` grounds them all), so `evaluate` need not scan again.
 */
function requestOf(state: SessionState, call: ToolCallInput, metadata: ResolvedToolMetadata, grounded: Grounded): ToolCallRequest {
  const counters = state.run.counters;
  return markSessionRequest({
    tool: call.toolName,
    ...(metadata.labels === undefined ? {} : { labels: metadata.labels }),
    controlArgs: metadata.controlArgs,
    args: grounded,
    context: state.context,
    ...(call.operation === undefined ? {} : { operation: call.operation }),
    run: { calls: counters.calls, callsByTool: Object.fromEntries(counters.callsByTool), spent: counters.spent },
  });
}

function spendOf(state: SessionState, tool: string, args: Readonly<Record<string, unknown>>): number {
  let amount = 0;
  for (const layer of state.policy.layers) {
    const arg = layer.limits?.spend?.tools.get(tool);
    if (arg === undefined || !Object.hasOwn(args, arg)) continue;
    const value = Number(args[arg]);
    if (Number.isFinite(value) && value > amount) amount = value;
  }
  return amount;
}

/** Reserves the call in the run's counters, synchronously, so parallel calls cannot both slip under a limit. */
function reserve(state: SessionState, tool: string, amount: number): () => void {
  const counters = state.run.counters;
  counters.calls += 1;
  counters.callsByTool.set(tool, (counters.callsByTool.get(tool) ?? 0) + 1);
  counters.spent += amount;
  return () => {
    counters.calls -= 1;
    counters.callsByTool.set(tool, (counters.callsByTool.get(tool) ?? 1) - 1);
    counters.spent -= amount;
  };
}

function guardDenial(tool: string, reduction: Extract<GuardReduction, { type: 'deny' | 'retry' }>, argLabels: Decision['argLabels']): Decision {
  if (reduction.type === 'retry') {
    const retry = violation({
      ruleId: `guard:${reduction.guards.join(',')}`,
      reason: `retry: ${reduction.hints.join('; ')}`,
      suggestion: reduction.hints.join('; '),
    });
    return denyDecision({ tool, code: 'guard-retry', violations: [retry], overridable: false, argLabels });
  }
  const denied = violation({ ruleId: `guard:${reduction.guard}`, reason: reduction.reason, suggestion: 'change the call so the guard accepts it' });
  return denyDecision({ tool, code: 'guard-denied', violations: [denied], overridable: false, argLabels });
}

/** What the policy and the before-guards made of a call. */
export interface Pipeline {
  readonly decision: Decision;
  readonly grounded: Grounded;
  readonly args: Readonly<Record<string, unknown>>;
  readonly liftedBy?: string;
  readonly guards: readonly string[];
  readonly approvalReasons: readonly string[];
}

/** Holds the call's place in the run's counters while guards and approvals are awaited. */
export interface Reservation {
  release: () => void;
}

/**
 * Grounds a call's arguments and evaluates the policy, reserving the call in the run's counters in the same
 * synchronous step; then runs the before-guards, which may deny, transform or relabel the arguments (grounded
 * and evaluated again), lift an overridable denial or ask for approval.
 */
export async function decide(state: SessionState, call: ToolCallInput, metadata: ResolvedToolMetadata, reservation: Reservation): Promise<Pipeline> {
  let args = call.args;
  let grounded = groundAll(state, args);
  let decision = evaluate(state.policy, requestOf(state, call, metadata, grounded));
  if (decision.type === 'deny' && !decision.overridable) return { decision, grounded, args, guards: [], approvalReasons: [] };
  // Evaluated and reserved in the same synchronous step, so parallel calls of one model step cannot all pass a limit.
  reservation.release = reserve(state, call.toolName, spendOf(state, call.toolName, args));
  if (state.guards.length === 0) return { decision, grounded, args, guards: [], approvalReasons: decision.type === 'require-approval' ? decision.reasons : [] };

  const argLabels = decision.argLabels;
  const context: GuardContext = {
    phase: 'before',
    tool: call.toolName,
    toolCallId: call.toolCallId,
    args,
    argLabels,
    labels: [...new Set(Object.values(argLabels).flat())],
    targets: operationTargets(state.policy, call.toolName, metadata.labels).targets,
    decision,
    tools: { calls: [...state.run.calls], history: [...state.run.history] },
    attempt: 1,
  };
  let reduction: GuardReduction;
  try {
    reduction = await runGuards({
      guards: state.guards,
      phase: 'before',
      context,
      ...(call.guards === undefined ? {} : { bypass: call.guards }),
      allowGuardBypass: state.options.allowGuardBypass ?? true,
      trustConflict: state.policy.trustConflict,
    });
  } catch (error) {
    // Fail closed: a refused bypass (or any failure running guards) denies the call.
    const reason = error instanceof Error ? error.message : String(error);
    reduction = { type: 'deny', guard: 'labelflow', reason, code: 'guard-error' };
  }
  if (reduction.type !== 'continue') return { decision: guardDenial(call.toolName, reduction, argLabels), grounded, args, guards: [], approvalReasons: [] };

  let changed = false;
  if (reduction.args !== undefined) {
    args = reduction.args;
    grounded = groundAll(state, args);
    changed = true;
  }
  if (reduction.relabels.length > 0) {
    grounded = applyRelabels(state, call.toolCallId, grounded, reduction.relabels);
    changed = true;
  }
  if (changed) {
    reservation.release();
    decision = evaluate(state.policy, requestOf(state, call, metadata, grounded));
    reservation.release = reserve(state, call.toolName, spendOf(state, call.toolName, args));
  }
  let liftedBy: string | undefined;
  if (decision.type === 'deny' && decision.overridable && reduction.liftedBy !== undefined && !state.policy.locked) {
    liftedBy = reduction.liftedBy;
    decision = allowDecision({ tool: call.toolName, argLabels: decision.argLabels });
  }
  const approvalReasons = [...(decision.type === 'require-approval' ? decision.reasons : []), ...(reduction.approval?.reasons ?? [])];
  return { decision, grounded, args, ...(liftedBy === undefined ? {} : { liftedBy }), guards: reduction.ran, approvalReasons };
}
