import { createContentIndex } from '../grounding/index.js';
import { EMPTY_DESCRIPTOR, combineLeaves, makeDescriptor } from '../labels/descriptor.js';
import { attenuatePolicy } from '../policy/attenuate-policy.js';
import type { Policy } from '../policy/policy-schema.js';
import { createPromptCursor } from './prompt-cursor.js';
import { createSeenKeys } from './seen-keys.js';
import { registerFragment, type SessionState } from './session-state.js';
import type { ToolCallFrame } from './session-storage.js';

/** Options of `session.scope`. */
export interface ScopeOptions {
  /** A policy that narrows the session's (attenuation: widening throws `PolicyWideningError`). */
  readonly policy?: Policy;
  /** The only tools the scope may call. */
  readonly tools?: readonly string[];
  /** A name for the scope in events (default: a counter). */
  readonly name?: string;
}

/**
 * The state of a child scope: the parent's policy attenuated by the scope's (widening throws before anything
 * runs), the run shared. Inside a tool call (a sub-agent as a tool) it starts from the tool's inputs only, with a
 * fresh index; anywhere else it continues the conversation (same index, keys and context).
 */
export function scopeState(state: SessionState, options: ScopeOptions, name: string, insideToolCall: ToolCallFrame | undefined): SessionState {
  const childPolicy: Policy = {
    ...(options.policy ?? {}),
    ...(options.tools === undefined
      ? {}
      : { capabilities: { ...(options.policy?.capabilities ?? {}), allow: [...(options.policy?.capabilities?.allow ?? []), ...options.tools.map((tool) => `tool:${tool}`)] } }),
  };
  const policy = attenuatePolicy(state.policy, childPolicy, state.options.compile ?? {});
  const child: SessionState = {
    run: state.run,
    scope: [...state.scope, name],
    policy,
    options: state.options,
    guards: state.guards,
    tools: state.tools,
    // A sub-agent inside a tool call sees only the tool's inputs; any other scope continues the conversation.
    index: insideToolCall === undefined ? state.index : createContentIndex({ minLength: policy.groundingMinLength }),
    keys: insideToolCall === undefined ? state.keys : createSeenKeys(),
    context: insideToolCall === undefined ? state.context : EMPTY_DESCRIPTOR,
    inputs: new Map(),
    subagents: new Map(),
    prompt: createPromptCursor(),
    // A sub-agent's "user" is the parent model writing the tool's inputs: its messages carry those inputs'
    // labels (trusted only if every input was), never the real user's trust.
    ...(insideToolCall === undefined
      ? state.userDescriptor === undefined ? {} : { userDescriptor: state.userDescriptor }
      : { userDescriptor: combineLeaves(insideToolCall.inputs.map((input) => makeDescriptor(input.descriptor))) }),
  };
  for (const input of insideToolCall?.inputs ?? []) {
    // The sub-agent's prompt is the tool's inputs: each argument is a fragment with the labels it had.
    registerFragment(child, { key: `input:${input.name}`, content: input.content, descriptor: makeDescriptor(input.descriptor), visible: true });
  }
  return child;
}
