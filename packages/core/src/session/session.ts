import type { Descriptor } from '../labels/descriptor.js';
import type { Label } from '../labels/label.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import type { ToolResultInput } from './record-tool-result.js';
import type { ScopeOptions } from './scope-state.js';
import type { SessionListener } from './session-event.js';
import type {
  ModelCallRecord,
  PromptPart,
  ToolCallCheck,
  ToolCallInput,
  ToolCallOutcome,
  ToolExecutor,
  ToolHistoryEntry,
  ToolResultRecord,
} from './session-types.js';

/**
 * One conversation (or agent run) under a policy: its content index, secrets, tool history and counters. Sessions
 * never share label state. The adapters create one per run and call it on every model call and tool call.
 */
export interface Session {
  readonly id: string;
  readonly policy: CompiledPolicy;
  /** The join of everything this session's model has seen. */
  readonly context: Descriptor;
  /** This run's tool calls: names of executed calls, and every decided call. */
  readonly tools: { readonly calls: readonly string[]; readonly history: readonly ToolHistoryEntry[] };
  readonly counters: { readonly calls: number; readonly spent: number; readonly callsByTool: ReadonlyMap<string, number> };
  /** Runs `fn` with this session as the current one (`getSession()` inside returns it). */
  run<T>(fn: () => T): T;
  /** Registers system instructions: trusted, `src:system`. */
  registerInstructions(text: string, options?: { name?: string }): void;
  /** Registers a user message: `trusted`, `src:user` by default. */
  registerUserMessage(text: string, options?: { key?: string }): void;
  /** Indexes the parts of a prompt the model is about to see (each key once) and labels the model's output. */
  recordModelCall(input: { readonly parts: readonly PromptPart[] }): ModelCallRecord;
  /** Indexes prompt parts (each key once) without recording a model call; returns how many were new. */
  registerPromptParts(parts: readonly PromptPart[]): number;
  /** Labels an app value and registers it (by content, and objects by identity). Returns the value. */
  label<T>(value: T, labels: readonly Label[]): T;
  /** Registers a secret: it is replaced by a handle in everything the model sees. Returns the handle. */
  secret(value: string): string;
  /** Registers an app value as untrusted. Returns the value. */
  untrusted<T>(value: T): T;
  /** The labels registered for an app value, by identity for objects or by content for strings. */
  labelsOf(value: unknown): Descriptor | undefined;
  /** Replaces every registered secret in `value` by its handle. */
  redact<T>(value: T): T;
  /** Decides a tool call (policy, guards, approval, credentials). */
  checkToolCall(call: ToolCallInput): Promise<ToolCallCheck>;
  /** Labels, redacts and indexes a tool's result. */
  recordToolResult(input: ToolResultInput): ToolResultRecord;
  /** Decides, executes, labels and records one tool call. */
  runToolCall(call: ToolCallInput, execute: ToolExecutor): Promise<ToolCallOutcome>;
  /** Grants a pending approval (from a framework's own approval flow). */
  grantApproval(approvalId: string, toolCall?: { toolCallId: string; tool: string }): void;
  /** Runs `fn` in a child scope with a narrower policy; inside a tool call, it starts from the tool's inputs. */
  scope<T>(options: ScopeOptions, fn: () => T): T;
  /** Receives every event of this session and its scopes. Returns a function that unsubscribes. */
  subscribe(listener: SessionListener): () => void;
  /** Ends the session (emits `session-end`). */
  end(): void;
}
