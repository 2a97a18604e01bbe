import { canonicalJson, prepareToolCall, type AnyLabelflowTool, type ToolCallOutcome } from '@labelflow/core';
import type { ToolExecutionOptions, ToolSet } from 'ai';
import type { AdapterContext } from './adapter-context.js';
import { decideToolCall, type ToolRun } from './decide-tool-call.js';
import { indexMessages } from './index-messages.js';
import { internalDenial } from './internal-denial.js';
import { markReadyMade, readyMadeToolOf } from './ready-made-tools.js';
import { refuse } from './refuse.js';
import type { RunState } from './run-state.js';
import type { HeldCall } from './ticket-bridge.js';
import { inputFromArgs, toolCallInput } from './tool-call-input.js';
import { callMetadata, describeTool, type ToolDescription } from './tool-description.js';

/** What a wrapped tool's `execute` receives: the SDK's options plus the tool's sealed credentials. */
export type LabelflowToolExecutionOptions = ToolExecutionOptions<unknown> & {
  readonly labelflow?: { readonly credentials: Readonly<Record<string, string>> };
};

type Execute = (input: unknown, options: ToolExecutionOptions<unknown>) => unknown;

/**
 * The credentials labelflow resolved for this call (the tool's `auth`, from the policy's `auth` section). They
 * reach the tool here, never through the model. Empty outside labelflow.
 *
 * @example
 * ```ts
 * const listIssues = tool({ inputSchema, metadata: { labelflow: { auth: ['github'] } },
 *   execute: async ({ repo }, options) => github(repo, sealedCredentials(options)['github']) });
 * ```
 */
export function sealedCredentials(options: unknown): Readonly<Record<string, string>> {
  const holder = options !== null && typeof options === 'object' && Object.hasOwn(options, 'labelflow') ? (options as { labelflow?: unknown }).labelflow : undefined;
  const credentials = holder !== null && typeof holder === 'object' && Object.hasOwn(holder, 'credentials') ? (holder as { credentials?: unknown }).credentials : undefined;
  return credentials !== null && typeof credentials === 'object' ? (credentials as Readonly<Record<string, string>>) : {};
}

/** A tool may stream preliminary results; the engine labels the final one, and only that one leaves. */
async function finalValue(value: unknown): Promise<unknown> {
  if (value === null || typeof value !== 'object' || !(Symbol.asyncIterator in value)) return value;
  let last: unknown;
  for await (const item of value as AsyncIterable<unknown>) last = item;
  return last;
}

function fromOutcome(context: AdapterContext, run: RunState, toolCallId: string, outcome: ToolCallOutcome): unknown {
  if (outcome.type === 'executed') {
    run.recorded.add(toolCallId);
    // What the model sees: the recorded result, with every secret replaced by its handle.
    return outcome.result;
  }
  if (outcome.type === 'failed') throw outcome.error;
  return refuse(context, run, toolCallId, outcome.decision);
}

async function executeHeld(context: AdapterContext, tool: string, execute: Execute, held: HeldCall, input: unknown, options: ToolExecutionOptions<unknown>): Promise<unknown> {
  const { run, ticket } = held;
  if (input !== ticket.input && canonicalJson(input) !== canonicalJson(ticket.input)) {
    // Fail closed: the SDK is executing an input other than the one the engine decided on.
    await ticket.settle({ ok: false, error: new Error('the tool input changed after labelflow decided the call') });
    const decision = internalDenial(tool, 'the tool input changed after the policy decided the call', 'call the tool again');
    return refuse(context, run, options.toolCallId, decision);
  }
  let toolRun: ToolRun;
  try {
    const { toolCallId } = options;
    const value = await ticket.enter(() =>
      held.execute === undefined
        ? execute(inputFromArgs(input, ticket.args), { ...options, labelflow: { credentials: ticket.credentials } } as LabelflowToolExecutionOptions)
        : held.execute(ticket.args, { credentials: ticket.credentials, toolCallId }),
    );
    toolRun = { ok: true, value: await finalValue(value) };
  } catch (error) {
    toolRun = { ok: false, error };
  }
  return fromOutcome(context, run, options.toolCallId, await ticket.settle(toolRun));
}

function createExecute(context: AdapterContext, description: ToolDescription, execute: Execute, readyMade: AnyLabelflowTool | undefined): Execute {
  return async (input, options) => {
    const held = context.tickets.take(options.messages, options.toolCallId);
    if (held !== undefined) return executeHeld(context, description.name, execute, held, input, options);

    // Without `lf.toolApproval` (or for a call it did not see), the call is decided here, just before it runs.
    const found = context.registry.find({ messages: options.messages, toolCallId: options.toolCallId });
    if (found.type === 'ambiguous') {
      // Fail closed: two runs made a call with this id, and without `lf.toolApproval` nothing tells them apart.
      const reason = 'labelflow could not tell which run this tool call belongs to (two runs used the same tool call id)';
      return refuse(context, undefined, options.toolCallId, internalDenial(description.name, reason, 'pass `toolApproval: lf.toolApproval`, or run each call in `lf.run`'));
    }
    const run = found.type === 'found' ? found.run : context.registry.create();
    context.registry.bind(run, { messages: options.messages });
    indexMessages(run, options.messages);
    // A ready-made tool prepares its own call: the engine decides on the commands, paths and hosts it touches.
    const prepared = readyMade === undefined ? undefined : prepareToolCall({ session: run.session, tool: readyMade, toolCallId: options.toolCallId, args: input });
    const call = prepared?.call ?? toolCallInput({ toolName: description.name, toolCallId: options.toolCallId, input, metadata: callMetadata(description) });
    const decided = await decideToolCall(run.session, call, input);
    if (decided.type !== 'allowed') return refuse(context, run, options.toolCallId, decided.decision);
    return executeHeld(context, description.name, execute, { run, ticket: decided.ticket, ...(prepared === undefined ? {} : { execute: prepared.execute }) }, input, options);
  };
}

/**
 * Wraps a tool set so every tool's `execute` runs through the engine: decide (in `toolApproval` when it is
 * installed, else here) → execute with sealed credentials → label, redact and index the result → events. The
 * SDK receives the result as the model may see it (secrets as handles) or a readable denial. Tools without
 * `execute` (run by the provider or the client) are kept as they are and decided in `toolApproval`.
 *
 * Metadata is read from `labelflow({ tools })`, from `tool({ metadata: { labelflow } })` (validated here: a bad
 * entry throws `InvalidPolicyError`) and, at call time, from the policy's `tools`. Dynamic and MCP tools get
 * `untrusted` (and `src:mcp:<server>:<tool>`) output once described; undescribed tools stay consequential.
 * Ready-made tools (`shellTool`, `fileTools`) describe each call themselves: what it runs, reads, writes and
 * reaches. They must be listed under their own name.
 *
 * @example
 * ```ts
 * const tools = lf.tools({ readEmail, sendEmail });
 * await generateText({ model: lf.model(model), tools, toolApproval: lf.toolApproval, prompt });
 * ```
 */
export function wrapTools<TOOLS extends ToolSet>(context: AdapterContext, tools: TOOLS): TOOLS {
  const wrapped: Record<string, unknown> = {};
  for (const name of Object.keys(tools)) {
    const tool = tools[name] as unknown as Record<string, unknown>;
    const description = describeTool(name, tool, context.beside.get(name));
    const execute = typeof tool['execute'] === 'function' ? (tool['execute'] as Execute) : undefined;
    const readyMade = readyMadeToolOf(tool);
    if (readyMade !== undefined && readyMade.name !== name) {
      throw new Error(`labelflow: the ready-made tool \`${readyMade.name}\` is listed as \`${name}\`: list it under its own name`);
    }
    const copy = execute === undefined ? { ...tool } : { ...tool, execute: createExecute(context, description, execute, readyMade) };
    context.wrapped.set(copy, { description, executes: execute !== undefined });
    if (readyMade !== undefined) markReadyMade(copy, readyMade);
    Object.defineProperty(wrapped, name, { value: copy, enumerable: true, writable: true, configurable: true });
  }
  return wrapped as TOOLS;
}
