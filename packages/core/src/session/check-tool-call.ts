import { allowDecision, denyDecision, requireApprovalDecision, violation, type Decision } from '../evaluate/decision.js';
import { evaluate } from '../evaluate/evaluate.js';
import { shouldMarkInfluenced } from '../evaluate/label-model-output.js';
import { operationTargets } from '../evaluate/operation-targets.js';
import type { ToolCallRequest } from '../evaluate/tool-call-request.js';
import { runGuards, type GuardContext, type GuardReduction } from '../guards/index.js';
import { combineLeaves, type Descriptor } from '../labels/descriptor.js';
import { isOperationLabel, isPositiveLabel } from '../labels/label.js';
import { makeDescriptor } from '../labels/descriptor.js';
import { digestValue } from './digest.js';
import { applyRelabels } from './apply-relabels.js';
import { groundArgument, novelDescriptor, type GroundedArgument } from './ground-arguments.js';
import { resolveCredential } from './resolve-credential.js';
import { contentOf, emit, type SessionState } from './session-state.js';
import type { ToolCallCheck, ToolCallInput } from './session-types.js';
import { resolveToolMetadata, type ResolvedToolMetadata } from './tool-metadata.js';

type Grounded = Record<string, GroundedArgument>;

function groundAll(state: SessionState, args: Readonly<Record<string, unknown>>): Grounded {
  const novel = novelDescriptor(shouldMarkInfluenced(state.policy, state.context));
  const grounded: Grounded = Object.create(null) as Grounded;
  for (const name of Object.keys(args)) grounded[name] = groundArgument(args[name], { index: state.index, vault: state.run.vault, novel });
  return grounded;
}

function requestOf(state: SessionState, call: ToolCallInput, metadata: ResolvedToolMetadata, grounded: Grounded): ToolCallRequest {
  const counters = state.run.counters;
  return {
    tool: call.toolName,
    ...(metadata.labels === undefined ? {} : { labels: metadata.labels }),
    controlArgs: metadata.controlArgs,
    args: grounded,
    context: state.context,
    ...(call.operation === undefined ? {} : { operation: call.operation }),
    run: { calls: counters.calls, callsByTool: Object.fromEntries(counters.callsByTool), spent: counters.spent },
  };
}

/** The descriptor a call's result inherits from its inputs: their taint, never their attestations or op labels. */
function inputsDescriptor(grounded: Grounded): Descriptor {
  const joined = combineLeaves(Object.values(grounded).map((arg) => arg.descriptor));
  const keep = (label: string) => !isOperationLabel(label) && !isPositiveLabel(label);
  return makeDescriptor({ labels: joined.labels.filter(keep), taint: joined.taint.filter(keep), sources: joined.sources });
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

interface Pipeline {
  readonly decision: Decision;
  readonly grounded: Grounded;
  readonly args: Readonly<Record<string, unknown>>;
  readonly liftedBy?: string;
  readonly guards: readonly string[];
  readonly approvalReasons: readonly string[];
}

/** Holds the call's place in the run's counters while guards and approvals are awaited. */
interface Reservation {
  release: () => void;
}

async function decide(state: SessionState, call: ToolCallInput, metadata: ResolvedToolMetadata, reservation: Reservation): Promise<Pipeline> {
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

async function approve(state: SessionState, call: ToolCallInput, pipeline: Pipeline, approvalId: string): Promise<'approved' | 'denied' | 'pending'> {
  if (state.run.approvals.has(approvalId)) return 'approved';
  const handler = state.options.onApproval;
  if (handler === undefined) return 'pending';
  let approved = false;
  try {
    approved = (await handler({
      approvalId,
      sessionId: state.run.sessionId,
      toolCallId: call.toolCallId,
      tool: call.toolName,
      args: state.run.vault.redact(pipeline.args).value,
      argLabels: pipeline.decision.argLabels,
      reasons: pipeline.approvalReasons,
    })) === true;
  } catch {
    // Fail closed: an approval handler that fails has not approved anything.
    approved = false;
  }
  emit(state, { type: 'approval', toolCallId: call.toolCallId, tool: call.toolName, approvalId, approved, by: 'callback' });
  if (approved) state.run.approvals.add(approvalId);
  return approved ? 'approved' : 'denied';
}

async function credentialsFor(state: SessionState, names: readonly string[]): Promise<Record<string, string> | string> {
  const credentials: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name of names) {
    const source = state.policy.auth.get(name);
    const from = source?.from ?? `env:${name.toUpperCase().replace(/[^A-Z0-9]/gu, '_')}`;
    const resolved = await resolveCredential(
      { name, from },
      { ...(state.options.credentials === undefined ? {} : { provider: state.options.credentials }), ...(state.options.env === undefined ? {} : { env: state.options.env }) },
    );
    if (resolved.type === 'unavailable') return resolved.reason;
    state.run.vault.add(resolved.value, makeDescriptor({ labels: ['secret'], taint: [`src:credential:${name}`], sources: [`auth:${name}`] }));
    credentials[name] = resolved.value;
  }
  return credentials;
}

function emitDecision(state: SessionState, call: ToolCallInput, decision: Decision, pipeline: Pipeline, metadata: ResolvedToolMetadata): void {
  emit(state, {
    type: 'decision',
    toolCallId: call.toolCallId,
    tool: call.toolName,
    decision: { type: decision.type, code: decision.code, ruleIds: decision.ruleIds, reasons: decision.reasons },
    argLabels: decision.argLabels,
    argDigests: Object.fromEntries(Object.keys(call.args).map((name) => [name, digestValue(call.args[name])])),
    argFragments: Object.fromEntries(Object.keys(pipeline.grounded).map((name) => [name, (pipeline.grounded[name] as GroundedArgument).fragmentIds])),
    controlArgs: metadata.controlArgs,
    guards: pipeline.guards,
    ...(pipeline.liftedBy === undefined ? {} : { liftedBy: pipeline.liftedBy }),
  });
}

/**
 * Decides one tool call: grounds every argument, evaluates the policy, runs the before-guards (which may lift an
 * overridable denial, transform, relabel or ask for approval), asks for approval, resolves credentials and secret
 * handles. Emits a `decision` event and records the call in the run's history.
 */
export async function checkToolCall(state: SessionState, call: ToolCallInput): Promise<ToolCallCheck> {
  const metadata = resolveToolMetadata(state, call.toolName, call.metadata);
  const reservation: Reservation = { release: () => undefined };
  const pipeline = await decide(state, call, metadata, reservation);
  let { decision } = pipeline;
  let approvalId: string | undefined;

  if (decision.type === 'require-approval' || pipeline.approvalReasons.length > 0) {
    approvalId = digestValue({ tool: call.toolName, args: pipeline.args, argLabels: decision.argLabels });
    const outcome = await approve(state, call, pipeline, approvalId);
    if (outcome === 'approved') decision = allowDecision({ tool: call.toolName, argLabels: decision.argLabels });
    else if (outcome === 'denied') {
      const refused = violation({ ruleId: 'approval', reason: 'the approver refused this call', suggestion: 'ask the user before trying again' });
      decision = denyDecision({ tool: call.toolName, code: 'approval-denied', violations: [refused], overridable: false, argLabels: decision.argLabels });
    } else if (decision.type !== 'require-approval') {
      const asked = pipeline.approvalReasons.map((reason) => violation({ ruleId: 'guard', reason, suggestion: 'approve the call to let it run' }));
      decision = requireApprovalDecision({ tool: call.toolName, violations: asked, argLabels: decision.argLabels });
    }
  }

  let credentials: Record<string, string> | undefined;
  if (decision.type === 'allow' && metadata.auth.length > 0) {
    const resolved = await credentialsFor(state, metadata.auth);
    if (typeof resolved === 'string') {
      const missing = violation({ ruleId: 'auth', reason: resolved, suggestion: 'configure the credential under `auth` in the policy and set it in the environment' });
      decision = denyDecision({ tool: call.toolName, code: 'credential-unavailable', violations: [missing], overridable: false, argLabels: decision.argLabels });
    } else credentials = resolved;
  }
  if (decision.type !== 'allow') reservation.release();

  state.inputs.set(call.toolCallId, {
    descriptor: inputsDescriptor(pipeline.grounded),
    args: Object.keys(pipeline.grounded).map((name) => ({ name, content: contentOf(pipeline.args[name]), descriptor: (pipeline.grounded[name] as GroundedArgument).descriptor })),
  });
  emitDecision(state, call, decision, pipeline, metadata);
  const audit = state.options.audit;
  if (audit?.mode === 'enforce' && decision.type !== 'deny') {
    const written = audit.checkWritable();
    if (!written.ok) {
      // Fail closed: in enforce mode an operation the audit trail cannot record does not happen.
      reservation.release();
      const unrecorded = violation({ ruleId: 'audit', reason: `the audit ledger cannot be written: ${written.reason}`, suggestion: 'fix the ledger store (disk, permissions, lock) and try again' });
      decision = denyDecision({ tool: call.toolName, code: 'audit-unavailable', violations: [unrecorded], overridable: false, argLabels: decision.argLabels });
      emitDecision(state, call, decision, pipeline, metadata);
    }
  }
  state.run.history.push({ tool: call.toolName, toolCallId: call.toolCallId, decision: decision.type, labels: [...new Set(Object.values(decision.argLabels).flat())] });

  // The denial the model reads next is labelflow's own text about the model's own arguments: it neither grounds
  // anything nor makes the context untrusted, so its prompt part is marked seen and never indexed.
  if (decision.type === 'deny') state.keys.add(`tool-result:${call.toolCallId}`);
  if (decision.type !== 'allow') return { decision, ...(approvalId === undefined ? {} : { approvalId }) };
  state.run.calls.push(call.toolName);
  return {
    decision,
    args: state.run.vault.resolve(pipeline.args).value as Record<string, unknown>,
    credentials: credentials ?? {},
    ...(pipeline.liftedBy === undefined ? {} : { liftedBy: pipeline.liftedBy }),
  };
}
