import { prepareToolCall, type Decision, type PreparedToolCall, type Session, type ToolCallInput } from '@labelflow/core';
import type { ToolApprovalStatus } from 'ai';
import type { AdapterContext } from './adapter-context.js';
import { decideToolCall } from './decide-tool-call.js';
import { indexMessages } from './index-messages.js';
import { internalDenial } from './internal-denial.js';
import { PolicyDeniedError } from './policy-denied-error.js';
import { readyMadeToolOf } from './ready-made-tools.js';
import type { RunState } from './run-state.js';
import { toolCallInput } from './tool-call-input.js';
import { callMetadata, describeTool } from './tool-description.js';
import { userApproved } from './user-approval.js';

/** The parts of the SDK's tool call that labelflow reads. */
export interface ApprovalToolCall {
  readonly toolName: string;
  readonly toolCallId: string;
  readonly input: unknown;
  readonly providerExecuted?: boolean | undefined;
}

/** `lf.toolApproval`: a generic `toolApproval` function for `generateText`, `streamText` and `ToolLoopAgent`. */
export type LabelflowToolApproval = (options: {
  readonly toolCall: ApprovalToolCall;
  readonly tools?: unknown;
  readonly messages: readonly unknown[];
}) => Promise<ToolApprovalStatus>;

function status(context: AdapterContext, decision: Decision, summary?: string): ToolApprovalStatus {
  if (decision.type === 'allow') return undefined;
  // A ready-made tool's summary (the analysed command, the resolved path) shows the person what they approve.
  if (decision.type === 'require-approval') return { type: 'user-approval', reason: summary === undefined ? decision.message : `${decision.message}: ${summary}` };
  if (context.onDeny === 'throw') throw new PolicyDeniedError({ decision });
  // The SDK hands the model `{ type: 'execution-denied', reason }` and the loop continues.
  return { type: 'denied', reason: decision.message };
}

/** For calls labelflow does not execute (provider-executed, client-side, or tools not wrapped by `lf.tools`). */
async function decideOnly(context: AdapterContext, session: Session, call: ToolCallInput, approved: () => boolean, summary: string | undefined): Promise<ToolApprovalStatus> {
  const check = await session.checkToolCall(call);
  if (check.decision.type !== 'require-approval' || check.approvalId === undefined || !approved()) return status(context, check.decision, summary);
  session.grantApproval(check.approvalId, { toolCallId: call.toolCallId, tool: call.toolName });
  return status(context, stillPending((await session.checkToolCall(call)).decision));
}

/**
 * After a person's approval was granted, a call that still needs approval is refused: the SDK treats anything
 * but `denied` at this point as approved and would run it.
 */
function stillPending(decision: Decision): Decision {
  if (decision.type !== 'require-approval') return decision;
  // Fail closed: the approval the person gave does not cover what the engine now asks for.
  return internalDenial(decision.tool, 'the approval given does not cover this call', 'ask for approval again');
}

async function decideAndHold(
  context: AdapterContext,
  run: RunState,
  { call, input, messages, approved, prepared }: { call: ToolCallInput; input: unknown; messages: readonly unknown[]; approved: () => boolean; prepared: PreparedToolCall | undefined },
): Promise<ToolApprovalStatus> {
  let decided = await decideToolCall(run.session, call, input);
  if (decided.type === 'approval-required' && approved()) {
    // The person approved this call through the SDK's flow: grant the engine's approval, then decide again.
    run.session.grantApproval(decided.approvalId, { toolCallId: call.toolCallId, tool: call.toolName });
    decided = await decideToolCall(run.session, call, input);
    if (decided.type !== 'allowed') return status(context, stillPending(decided.decision));
  }
  if (decided.type !== 'allowed') return status(context, decided.decision, prepared?.prepared.summary);
  const held = { run, ticket: decided.ticket, ...(prepared === undefined ? {} : { execute: prepared.execute }) };
  if (context.tickets.put(messages, call.toolCallId, held)) return undefined;
  // Fail closed: this step already holds a call with the same id, so `execute` could not tell the two apart.
  await decided.ticket.settle({ ok: false, error: new Error('two tool calls with the same id in one step') });
  return status(context, internalDenial(call.toolName, 'two tool calls in one step have the same id', 'call the tools again'));
}

/**
 * Creates `lf.toolApproval`. For every tool call, before the SDK executes any, it finds the run's session,
 * decides the call once (on the input the SDK validated) and maps the decision onto the SDK's approval flow:
 * allow → the call runs (its execution goes through the same engine call); deny → `{ type: 'denied', reason }`,
 * so the model reads an `execution-denied` result and the loop continues (`onDeny: 'throw'` throws
 * `PolicyDeniedError` instead); require-approval → `'user-approval'`. When the app answers the request with
 * `approved: true` and calls again, the engine's approval is granted and the call runs.
 *
 * @example
 * ```ts
 * await generateText({ model: lf.model(model), tools: lf.tools(tools), toolApproval: lf.toolApproval, prompt });
 * ```
 */
export function createToolApproval(context: AdapterContext): LabelflowToolApproval {
  return async ({ toolCall, tools, messages }) => {
    const found = context.registry.find({ toolCall, messages });
    const run = found.type === 'found' ? found.run : context.registry.create();
    context.registry.bind(run, { toolCall, messages });
    indexMessages(run, messages);
    const name = toolCall.toolName;
    const tool = tools !== null && typeof tools === 'object' && Object.hasOwn(tools, name) ? (tools as Record<string, unknown>)[name] : undefined;
    const wrapped = tool !== null && typeof tool === 'object' ? context.wrapped.get(tool) : undefined;
    const description = wrapped?.description ?? describeTool(name, tool, context.beside.get(name));
    // A ready-made tool prepares its own call: the engine decides on the commands, paths and hosts it touches.
    const readyMade = readyMadeToolOf(tool);
    const prepared = readyMade?.name === name ? prepareToolCall({ session: run.session, tool: readyMade, toolCallId: toolCall.toolCallId, args: toolCall.input }) : undefined;
    const call = prepared?.call ?? toolCallInput({ toolName: name, toolCallId: toolCall.toolCallId, input: toolCall.input, metadata: callMetadata(description) });
    const approved = () => userApproved(messages, toolCall.toolCallId, toolCall.input);
    if (wrapped?.executes !== true || toolCall.providerExecuted === true) return decideOnly(context, run.session, call, approved, prepared?.prepared.summary);
    return decideAndHold(context, run, { call, input: toolCall.input, messages, approved, prepared });
  };
}
