import type { ContentIndex } from '../grounding/index.js';
import type { Guard } from '../guards/index.js';
import { joinDescriptors, makeDescriptor, type Descriptor } from '../labels/descriptor.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import type { ToolMetadata } from '../policy/policy-schema.js';
import type { ModelOutput } from './model-output.js';
import type { PromptCursor } from './prompt-cursor.js';
import type { SecretVault } from './secret-vault.js';
import type { SeenKeys } from './seen-keys.js';
import type { SessionListener } from './session-event.js';
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
  readonly keys: SeenKeys;
  /** The join of the labels and taint of everything the model of this scope has seen (no sources). */
  context: Descriptor;
  /** Per tool call: its inputs, so its result inherits their taint and a sub-agent inside it can ground in them. */
  readonly inputs: Map<string, ToolInputs>;
  /** Per tool call: what sub-agent scopes inside it saw. */
  readonly subagents: Map<string, Descriptor>;
  /** The labels of user messages in this scope when they are not the session's user (a sub-agent's prompt). */
  readonly userDescriptor?: Descriptor;
  /** The prompt the previous model call of this scope was given, so parts given again are skipped cheaply. */
  readonly prompt: PromptCursor;
  /** The model output's labels for the last context they were computed for. */
  modelOutput?: ModelOutput;
}

/**
 * Indexes a fragment once (by key), without touching the context. Returns false when the key was indexed before.
 */
export function indexFragment(state: SessionState, { key, content, descriptor }: { key: string; content: string; descriptor: Descriptor }): boolean {
  if (state.keys.has(key)) return false;
  state.keys.add(key);
  state.index.register({ id: key, content, descriptor });
  return true;
}

/** What a visible fragment adds to the context: its labels and taint, never its sources. */
export function contextPart(descriptor: Descriptor): Descriptor {
  // Sources (tool call ids) serve the audit trail, and joining an ever-growing list of them into the context on
  // every step made a step's cost grow with the conversation.
  return makeDescriptor({ labels: descriptor.labels, taint: descriptor.taint });
}

/**
 * Indexes a fragment once (by key). Visible fragments (what the model sees) also join the scope's context.
 */
export function registerFragment(
  state: SessionState,
  { key, content, descriptor, visible }: { key: string; content: string; descriptor: Descriptor; visible: boolean },
): boolean {
  if (!indexFragment(state, { key, content, descriptor })) return false;
  if (visible) state.context = joinDescriptors(state.context, contextPart(descriptor));
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
