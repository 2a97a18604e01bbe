import { allowDecision, denyDecision, requireApprovalDecision, violation } from '../evaluate/decision.js';
import { joinAll, makeDescriptor, type Descriptor } from '../labels/descriptor.js';
import { isOperationLabel, isPositiveLabel } from '../labels/label.js';
import { argDigests, type ArgDigests } from './arg-digests.js';
import { callCredentials } from './call-credentials.js';
import { decide, type Grounded, type Pipeline, type Reservation } from './decide-call.js';
import { emitDecision } from './decision-event.js';
import { digestValue } from './digest.js';
import { emit } from './emit.js';
import type { GroundedArgument } from './ground-arguments.js';
import { TOOL_RESULT_PREFIX } from './seen-keys.js';
import { contentOf, type SessionState, type ToolInputs } from './session-state.js';
import type { ToolCallCheck, ToolCallInput } from './session-types.js';
import { resolveToolMetadata } from './tool-metadata.js';

// Per joined descriptor (interned, so equal inputs are the same object): calls of one run mostly repeat a few.
const inherited = new WeakMap<Descriptor, Descriptor>();

/**
 * The descriptor a call's result inherits from its inputs: their taint, never their attestations or op labels.
 * A plain join suffices: `combineLeaves` differs from it only in the attestations, which are dropped here.
 */
function inputsDescriptor(grounded: Grounded): Descriptor {
  const joined = joinAll(Object.values(grounded).map((arg) => arg.descriptor));
  const cached = inherited.get(joined);
  if (cached !== undefined) return cached;
  const keep = (label: string) => !isOperationLabel(label) && !isPositiveLabel(label);
  const descriptor = makeDescriptor({ labels: joined.labels.filter(keep), taint: joined.taint.filter(keep), sources: joined.sources });
  inherited.set(joined, descriptor);
  return descriptor;
}

/**
 * What a call's result and any sub-agent inside it inherit from its inputs, made on first use: only an executed
 * call needs them (`runToolCall` reads the arguments' text as soon as the call is allowed, before it runs).
 */
function toolInputs(grounded: Grounded, args: Readonly<Record<string, unknown>>): ToolInputs {
  let descriptor: Descriptor | undefined;
  let texts: ToolInputs['args'] | undefined;
  return {
    get descriptor() {
      descriptor ??= inputsDescriptor(grounded);
      return descriptor;
    },
    get args() {
      texts ??= Object.keys(grounded).map((name) => ({ name, content: contentOf(args[name]), descriptor: (grounded[name] as GroundedArgument).descriptor }));
      return texts;
    },
  };
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
  emit(state, () => ({ type: 'approval', toolCallId: call.toolCallId, tool: call.toolName, approvalId, approved, by: 'callback' }));
  if (approved) state.run.approvals.add(approvalId);
  return approved ? 'approved' : 'denied';
}

/**
 * Decides one tool call: grounds every argument, evaluates the policy, runs the before-guards (which may lift an
 * overridable denial, transform, relabel or ask for approval), asks for approval, resolves credentials and secret
 * handles. Emits a `decision` event and records the call in the run's history. `digests` are the call's argument
 * digests, shared with the events `runToolCall` emits for the same call.
 */
export async function checkToolCall(state: SessionState, call: ToolCallInput, digests: ArgDigests = argDigests(call.args)): Promise<ToolCallCheck> {
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
    const resolved = await callCredentials(state, metadata.auth);
    if (typeof resolved === 'string') {
      const missing = violation({ ruleId: 'auth', reason: resolved, suggestion: 'configure the credential under `auth` in the policy and set it in the environment' });
      decision = denyDecision({ tool: call.toolName, code: 'credential-unavailable', violations: [missing], overridable: false, argLabels: decision.argLabels });
    } else credentials = resolved;
  }
  if (decision.type !== 'allow') reservation.release();

  state.inputs.set(call.toolCallId, toolInputs(pipeline.grounded, pipeline.args));
  emitDecision(state, call, decision, pipeline, metadata, digests);
  const audit = state.options.audit;
  if (audit?.mode === 'enforce' && decision.type !== 'deny') {
    const written = audit.checkWritable();
    if (!written.ok) {
      // Fail closed: in enforce mode an operation the audit trail cannot record does not happen.
      reservation.release();
      const unrecorded = violation({ ruleId: 'audit', reason: `the audit ledger cannot be written: ${written.reason}`, suggestion: 'fix the ledger store (disk, permissions, lock) and try again' });
      decision = denyDecision({ tool: call.toolName, code: 'audit-unavailable', violations: [unrecorded], overridable: false, argLabels: decision.argLabels });
      emitDecision(state, call, decision, pipeline, metadata, digests);
    }
  }
  state.run.history.push({ tool: call.toolName, toolCallId: call.toolCallId, decision: decision.type, labels: [...new Set(Object.values(decision.argLabels).flat())] });

  // The denial the model reads next is labelflow's own text about the model's own arguments: it neither grounds
  // anything nor makes the context untrusted, so its prompt part is marked seen and never indexed.
  if (decision.type === 'deny') state.keys.add(`${TOOL_RESULT_PREFIX}${call.toolCallId}`);
  if (decision.type !== 'allow') return { decision, ...(approvalId === undefined ? {} : { approvalId }) };
  state.run.calls.push(call.toolName);
  return {
    decision,
    args: state.run.vault.resolve(pipeline.args).value as Record<string, unknown>,
    credentials: credentials ?? {},
    ...(pipeline.liftedBy === undefined ? {} : { liftedBy: pipeline.liftedBy }),
  };
}
