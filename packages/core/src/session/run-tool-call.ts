import { denyDecision, violation, type Decision } from '../evaluate/decision.js';
import { operationTargets } from '../evaluate/operation-targets.js';
import { runGuards, type GuardReduction } from '../guards/index.js';
import { joinDescriptors, makeDescriptor, type Descriptor } from '../labels/descriptor.js';
import type { Relabel } from './apply-relabels.js';
import { argDigests } from './arg-digests.js';
import { checkToolCall } from './check-tool-call.js';
import { emit } from './emit.js';
import { recordToolResult } from './record-tool-result.js';
import type { SessionState } from './session-state.js';
import { sessionStorage, type SessionFrame } from './session-storage.js';
import type { PolicyDeniedResult, ToolCallInput, ToolCallOutcome, ToolExecutor } from './session-types.js';

/** The tool result a model reads instead of a denied call. */
export function deniedResult(decision: Decision): PolicyDeniedResult {
  return Object.freeze({ error: 'policy_denied', code: decision.code, rule: decision.ruleIds.join(', '), reason: decision.message });
}

async function afterGuards(state: SessionState, call: ToolCallInput, decision: Decision, result: unknown, toolLabels: readonly string[] | undefined): Promise<GuardReduction> {
  try {
    return await runGuards({
      guards: state.guards,
      phase: 'after',
      context: {
        phase: 'after',
        tool: call.toolName,
        toolCallId: call.toolCallId,
        args: call.args,
        argLabels: decision.argLabels,
        labels: [...new Set(Object.values(decision.argLabels).flat())],
        targets: operationTargets(state.policy, call.toolName, toolLabels).targets,
        decision,
        result,
        resultLabels: [],
        tools: { calls: [...state.run.calls], history: [...state.run.history] },
        attempt: 1,
      },
      ...(call.guards === undefined ? {} : { bypass: call.guards }),
      allowGuardBypass: state.options.allowGuardBypass ?? true,
      trustConflict: state.policy.trustConflict,
    });
  } catch (error) {
    // Fail closed: after-guards that cannot run withhold the result.
    return { type: 'deny', guard: 'labelflow', reason: error instanceof Error ? error.message : String(error), code: 'guard-error' };
  }
}

/**
 * Runs one tool call through the engine: decide, execute with the resolved arguments and sealed credentials,
 * run after-guards, label and index the result, emit events. A denial comes back as a result the model can
 * read; a throwing tool comes back as `failed`.
 */
export async function runToolCall<S>(state: SessionState, session: S, call: ToolCallInput, execute: ToolExecutor): Promise<ToolCallOutcome> {
  // Digested once, by whichever of the call's events is built first, and only when someone listens.
  const digests = argDigests(call.args);
  const check = await checkToolCall(state, call, digests);
  if (check.decision.type === 'deny') return { type: 'denied', decision: check.decision, result: deniedResult(check.decision) };
  if (check.decision.type === 'require-approval' || check.args === undefined) {
    return { type: 'approval-required', decision: check.decision, approvalId: check.approvalId ?? '' };
  }

  const seen: Descriptor[] = [];
  const inputs = state.inputs.get(call.toolCallId)?.args ?? [];
  const frame: SessionFrame<S> = {
    session,
    toolCall: { toolCallId: call.toolCallId, tool: call.toolName, inputs, reportSeen: (descriptor) => seen.push(makeDescriptor(descriptor)) },
  };
  const started = performance.now();
  let result: unknown;
  try {
    const args = check.args;
    const credentials = check.credentials ?? {};
    result = await sessionStorage<S>().run(frame, () => execute(args, { credentials, toolCallId: call.toolCallId }));
  } catch (error) {
    const durationMs = performance.now() - started;
    emit(state, () => ({ type: 'tool-call', toolCallId: call.toolCallId, tool: call.toolName, status: 'error', durationMs, argDigests: digests() }));
    return { type: 'failed', decision: check.decision, error };
  }
  const durationMs = performance.now() - started;
  emit(state, () => ({ type: 'tool-call', toolCallId: call.toolCallId, tool: call.toolName, status: 'ok', durationMs, argDigests: digests() }));
  if (seen.length > 0) state.subagents.set(call.toolCallId, seen.reduce(joinDescriptors));

  let relabels: readonly Relabel[] = [];
  if (state.guards.some((guard) => guard.after !== undefined)) {
    const reduction = await afterGuards(state, call, check.decision, result, call.metadata?.labels);
    if (reduction.type !== 'continue') {
      const reason = reduction.type === 'retry' ? `retry: ${reduction.hints.join('; ')}` : reduction.reason;
      const ruleId = reduction.type === 'retry' ? `guard:${reduction.guards.join(',')}` : `guard:${reduction.guard}`;
      const withheld = denyDecision({
        tool: call.toolName,
        code: reduction.type === 'retry' ? 'guard-retry' : 'guard-denied',
        violations: [violation({ ruleId, reason, suggestion: 'the result was withheld; try another way' })],
        overridable: false,
        argLabels: check.decision.argLabels,
      });
      // The model saw nothing of the result, but the session still records that the tool ran.
      recordToolResult(state, { toolCallId: call.toolCallId, toolName: call.toolName, result: deniedResult(withheld), ...(call.metadata === undefined ? {} : { metadata: call.metadata }) });
      return { type: 'denied', decision: withheld, result: deniedResult(withheld) };
    }
    if ('result' in reduction) result = reduction.result;
    relabels = reduction.relabels;
  }

  const record = recordToolResult(state, { toolCallId: call.toolCallId, toolName: call.toolName, result, relabels, ...(call.metadata === undefined ? {} : { metadata: call.metadata }) });
  return { type: 'executed', decision: check.decision, result: record.modelResult, record };
}
