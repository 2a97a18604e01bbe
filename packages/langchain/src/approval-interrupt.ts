import { denyDecision, violation, type Decision, type Label, type Session } from '@labelflow/core';
import type { HITLRequest } from 'langchain';
import { z } from 'zod';

/**
 * What labelflow passes to LangGraph's `interrupt` when a call needs a person's approval: LangChain's own
 * human-in-the-loop request (so UIs built for `humanInTheLoopMiddleware` can show it), plus what labelflow knows.
 */
export interface ApprovalInterrupt extends HITLRequest {
  readonly labelflow: {
    readonly approvalId: string;
    readonly toolCallId: string;
    readonly argLabels: Readonly<Record<string, readonly Label[]>>;
    readonly ruleIds: readonly string[];
    readonly reasons: readonly string[];
  };
}

/** The approver's answer, read from the value the graph was resumed with. */
export type ApprovalAnswer = { readonly approved: true } | { readonly approved: false; readonly message?: string };

/** Builds the interrupt payload for a call the engine wants approved. Arguments are shown with secrets as handles. */
export function approvalInterrupt({ session, toolName, toolCallId, args, decision, approvalId }: {
  session: Session;
  toolName: string;
  toolCallId: string;
  args: Readonly<Record<string, unknown>>;
  decision: Decision;
  approvalId: string;
}): ApprovalInterrupt {
  return {
    actionRequests: [{ name: toolName, args: session.redact({ ...args }), description: decision.message }],
    reviewConfigs: [{ actionName: toolName, allowedDecisions: ['approve', 'reject'] }],
    labelflow: { approvalId, toolCallId, argLabels: decision.argLabels, ruleIds: decision.ruleIds, reasons: decision.reasons },
  };
}

// LangChain's `HITLResponse`, of which labelflow reads the first decision.
const HITL_RESPONSE = z.object({
  decisions: z
    .array(z.union([z.object({ type: z.literal('approve') }), z.object({ type: z.literal('reject'), message: z.string().optional() }), z.object({ type: z.literal('edit') })]))
    .min(1),
});

/**
 * Reads the resume value: a `HITLResponse` (`{ decisions: [{ type: 'approve' }] }` or `{ type: 'reject', message }`).
 * Only an explicit `approve` approves.
 */
export function readApprovalAnswer(value: unknown): ApprovalAnswer {
  const parsed = HITL_RESPONSE.safeParse(value);
  // Fail closed: an answer that cannot be read has approved nothing.
  if (!parsed.success) return { approved: false, message: 'the approval answer could not be read' };
  const [first] = parsed.data.decisions;
  if (first?.type === 'approve') return { approved: true };
  // Fail closed: an edited call is a different call, which would need its own decision; it is refused.
  if (first?.type === 'edit') return { approved: false, message: 'edited calls are not supported: the call was refused, the model may make a new one' };
  return first?.message === undefined ? { approved: false } : { approved: false, message: first.message };
}

/** The decision for a call the approver refused, worded like the engine's own refusal of an `onApproval` answer. */
export function refusalDecision(toolName: string, argLabels: Decision['argLabels']): Decision {
  const refused = violation({ ruleId: 'approval', reason: 'the approver refused this call', suggestion: 'ask the user before trying again' });
  return denyDecision({ tool: toolName, code: 'approval-denied', violations: [refused], overridable: false, argLabels });
}
