import type { Decision } from '../evaluate/decision.js';
import type { ArgDigests } from './arg-digests.js';
import type { Pipeline } from './decide-call.js';
import { emit } from './emit.js';
import type { GroundedArgument } from './ground-arguments.js';
import type { SessionState } from './session-state.js';
import type { ToolCallInput } from './session-types.js';
import type { ResolvedToolMetadata } from './tool-metadata.js';

/** Emits a call's `decision` event: the decision, each argument's labels, digest and fragments, the guards that ran. */
export function emitDecision(state: SessionState, call: ToolCallInput, decision: Decision, pipeline: Pipeline, metadata: ResolvedToolMetadata, digests: ArgDigests): void {
  emit(state, () => ({
    type: 'decision',
    toolCallId: call.toolCallId,
    tool: call.toolName,
    decision: { type: decision.type, code: decision.code, ruleIds: decision.ruleIds, reasons: decision.reasons },
    argLabels: decision.argLabels,
    argDigests: digests(),
    argFragments: Object.fromEntries(Object.keys(pipeline.grounded).map((name) => [name, (pipeline.grounded[name] as GroundedArgument).fragmentIds])),
    controlArgs: metadata.controlArgs,
    guards: pipeline.guards,
    ...(pipeline.liftedBy === undefined ? {} : { liftedBy: pipeline.liftedBy }),
  }));
}
