import type { Decision, Session, ToolCallInput, ToolCallOutcome } from '@labelflow/core';
import { approvalInterrupt, readApprovalAnswer, refusalDecision } from './approval-interrupt.js';
import type { SessionAdapterState } from './session-adapter-state.js';

/** A call labelflow refuses, with an optional note for the model. */
export interface Refusal {
  readonly type: 'refused';
  readonly decision: Decision;
  readonly note?: string;
}

function isBubbleUp(error: unknown): boolean {
  // LangGraph pauses a node by throwing a GraphInterrupt (a "bubble-up" error); it must reach LangGraph untouched.
  return error !== null && typeof error === 'object' && (error as { is_bubble_up?: unknown }).is_bubble_up === true;
}

/**
 * Asks a person through LangGraph's `interrupt` and, once approved, grants the approval and runs the call again.
 *
 * LangGraph resumes a paused node by running it again from the start, and the i-th `interrupt` of the node
 * returns the i-th answer. So the answer at an index belongs to the approval asked at that index on an earlier
 * run: labelflow remembers, per tool call, the approval id it asked about at each index, and applies an answer
 * only to that same approval (the digest of the tool, its arguments and their labels). If the labels changed in
 * between (a parallel call's result was indexed), the answer does not apply and the person is asked again.
 * An answer this process never asked for (it was asked before a restart) is bound to nothing and is ignored.
 */
export async function approveThroughInterrupt({ session, state, call, outcome, interrupt, rerun }: {
  session: Session;
  state: SessionAdapterState;
  call: ToolCallInput;
  outcome: Extract<ToolCallOutcome, { type: 'approval-required' }>;
  interrupt: ((value: unknown) => unknown) | undefined;
  rerun: () => Promise<ToolCallOutcome>;
}): Promise<ToolCallOutcome | Refusal> {
  const asked = state.asked.get(call.toolCallId) ?? [];
  state.asked.set(call.toolCallId, asked);
  let paused = false;
  let index = 0;
  let current: ToolCallOutcome = outcome;
  try {
    while (current.type === 'approval-required') {
      // Fail closed: outside a graph node nobody can be asked, so the call needs an approval it cannot get.
      if (interrupt === undefined) return { type: 'refused', decision: current.decision, note: 'this call needs approval and no approver is configured (give `onApproval`, or run it in a LangGraph graph with a checkpointer)' };
      const known = index < asked.length;
      if (!known) asked.push(current.approvalId);
      const payload = approvalInterrupt({ session, toolName: call.toolName, toolCallId: call.toolCallId, args: call.args, decision: current.decision, approvalId: current.approvalId });
      let value: unknown;
      try {
        value = interrupt(payload);
      } catch (error) {
        paused = isBubbleUp(error);
        if (paused) throw error;
        // Fail closed: the graph cannot pause (LangGraph needs a checkpointer), so nobody can approve the call.
        return { type: 'refused', decision: current.decision, note: 'this call needs approval and the graph cannot pause for it (LangGraph needs a checkpointer)' };
      }
      index += 1;
      if (!known) {
        // Answered before this process asked anything: the answer is bound to no approval labelflow knows.
        asked[index - 1] = null;
        continue;
      }
      if (asked[index - 1] !== current.approvalId) continue;
      const answer = readApprovalAnswer(value);
      if (!answer.approved) return { type: 'refused', decision: refusalDecision(call.toolName, current.decision.argLabels), ...(answer.message === undefined ? {} : { note: answer.message }) };
      session.grantApproval(current.approvalId, { toolCallId: call.toolCallId, tool: call.toolName });
      current = await rerun();
    }
    return current;
  } finally {
    if (!paused) state.asked.delete(call.toolCallId);
  }
}
