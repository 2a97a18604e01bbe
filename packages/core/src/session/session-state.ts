import type { ContentIndex } from '../grounding/index.js';
import type { Guard } from '../guards/index.js';
import { joinDescriptors, makeDescriptor, type Descriptor } from '../labels/descriptor.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import type { ToolMetadata } from '../policy/policy-schema.js';
import type { SecretVault } from './secret-vault.js';
import type { SessionEvent, SessionEventInput, SessionListener } from './session-event.js';
import type { SessionOptions, ToolHistoryEntry } from './session-types.js';

/** What a whole run shares across its scopes: the tool history, counters, approvals, secrets and listeners. */
export interface RunState {
  readonly sessionId: string;
  readonly history: ToolHistoryEntry[];
  readonly calls: string[];
  readonly counters: { calls: number; spent: number; readonly callsByTool: Map<string, number> };
  readonly approvals: Set<string>;
  readonly vault: SecretVault;
  readonly listeners: Set<SessionListener>;
  seq: number;
}

/** A tool call's inputs: their joined taint, and each argument as the model wrote it with its descriptor. */
export interface ToolInputs {
  readonly descriptor: Descriptor;
  readonly args: readonly { readonly name: string; readonly content: string; readonly descriptor: Descriptor }[];
}

/** The state of one session or scope. */
export interface SessionState {
  readonly run: RunState;
  readonly scope: readonly string[];
  readonly policy: CompiledPolicy;
  readonly options: SessionOptions;
  readonly guards: readonly Guard[];
  readonly tools: ReadonlyMap<string, ToolMetadata>;
  readonly index: ContentIndex;
  /** Keys of fragments already indexed (prompt parts, tool results): each is indexed once. */
  readonly keys: Set<string>;
  /** The join of the labels and taint of everything the model of this scope has seen (no sources). */
  context: Descriptor;
  /** Per tool call: its inputs, so its result inherits their taint and a sub-agent inside it can ground in them. */
  readonly inputs: Map<string, ToolInputs>;
  /** Per tool call: what sub-agent scopes inside it saw. */
  readonly subagents: Map<string, Descriptor>;
  /** The labels of user messages in this scope when they are not the session's user (a sub-agent's prompt). */
  readonly userDescriptor?: Descriptor;
}

/** Sends an event to every listener; a listener that throws is ignored so it can never change a decision. */
export function emit(state: SessionState, event: SessionEventInput): void {
  state.run.seq += 1;
  const stamped = Object.freeze({ ...event, sessionId: state.run.sessionId, scope: state.scope, seq: state.run.seq, ts: Date.now() }) as SessionEvent;
  for (const listener of state.run.listeners) {
    try {
      listener(stamped);
    } catch {
      // Listeners observe; their failures must not affect the run.
    }
  }
}

/**
 * Indexes a fragment once (by key). Visible fragments (what the model sees) also join the scope's context.
 */
export function registerFragment(
  state: SessionState,
  { key, content, descriptor, visible }: { key: string; content: string; descriptor: Descriptor; visible: boolean },
): boolean {
  if (state.keys.has(key)) return false;
  state.keys.add(key);
  state.index.register({ id: key, content, descriptor });
  // The context keeps labels and taint only: sources (tool call ids) serve the audit trail, and joining an
  // ever-growing list of them into the context on every step made a step's cost grow with the conversation.
  if (visible) state.context = joinDescriptors(state.context, makeDescriptor({ labels: descriptor.labels, taint: descriptor.taint }));
  return true;
}

/** The text of a value as a model sees it. */
export function contentOf(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
