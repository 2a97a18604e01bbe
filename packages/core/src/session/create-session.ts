import { randomUUID } from 'node:crypto';
import { labelModelOutput, shouldMarkInfluenced } from '../evaluate/label-model-output.js';
import { createContentIndex } from '../grounding/index.js';
import { EMPTY_DESCRIPTOR, combineLeaves, joinDescriptors, makeDescriptor, type Descriptor } from '../labels/descriptor.js';
import { isPositiveLabel, type Label } from '../labels/label.js';
import { attenuatePolicy } from '../policy/attenuate-policy.js';
import { compilePolicy } from '../policy/compile-policy.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import type { Policy, ToolMetadata } from '../policy/policy-schema.js';
import { checkToolCall } from './check-tool-call.js';
import { digestValue } from './digest.js';
import { recordToolResult, type ToolResultInput } from './record-tool-result.js';
import { runToolCall } from './run-tool-call.js';
import { createSecretVault } from './secret-vault.js';
import type { SessionListener } from './session-event.js';
import { contentOf, emit, registerFragment, type RunState, type SessionState } from './session-state.js';
import { sessionStorage } from './session-storage.js';
import type {
  ModelCallRecord,
  PromptPart,
  SessionOptions,
  ToolCallCheck,
  ToolCallInput,
  ToolCallOutcome,
  ToolExecutor,
  ToolHistoryEntry,
  ToolResultRecord,
} from './session-types.js';

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

const ROLE_LABELS: Readonly<Record<'system', readonly Label[]>> = { system: ['trusted', 'src:system'] };

function toolMap(tools: Readonly<Record<string, ToolMetadata>> | undefined): Map<string, ToolMetadata> {
  const map = new Map<string, ToolMetadata>();
  for (const name of Object.keys(tools ?? {})) map.set(name, (tools as Record<string, ToolMetadata>)[name] as ToolMetadata);
  return map;
}

function makeSession(state: SessionState): Session {
  const storage = sessionStorage<Session>();
  const identities = new WeakMap<object, Descriptor>();
  const contents = new Map<string, Descriptor>();
  let scopes = 0;
  let appValues = 0;

  const registerApp = (value: unknown, descriptor: Descriptor) => {
    appValues += 1;
    if (value !== null && typeof value === 'object') identities.set(value, descriptor);
    const content = contentOf(value);
    contents.set(content, descriptor);
    registerFragment(state, { key: `app:${appValues}`, content, descriptor, visible: false });
  };

  const session: Session = {
    id: state.run.sessionId,
    get policy() {
      return state.policy;
    },
    get context() {
      return state.context;
    },
    get tools() {
      return { calls: state.run.calls, history: state.run.history };
    },
    get counters() {
      const { calls, spent, callsByTool } = state.run.counters;
      return { calls, spent, callsByTool };
    },
    run(fn) {
      return storage.run({ session }, fn);
    },
    registerInstructions(text, { name } = {}) {
      registerFragment(state, { key: `system:${name ?? digestValue(text)}`, content: text, descriptor: makeDescriptor({ labels: ['trusted'], taint: ['src:system'] }), visible: true });
    },
    registerUserMessage(text, { key } = {}) {
      const labels = state.options.userLabels ?? ['trusted', 'src:user'];
      const descriptor =
        state.userDescriptor ?? makeDescriptor({ labels: labels.filter((label) => !label.startsWith('src:')), taint: labels.filter((label) => label.startsWith('src:')) });
      // Keys appear in events and the audit trail, so a default key is a digest, never the text itself.
      registerFragment(state, { key: key ?? `user:${digestValue(text)}`, content: text, descriptor, visible: true });
    },
    registerPromptParts(parts) {
      let added = 0;
      for (const part of parts) {
        const key = part.role === 'tool' && part.toolCallId !== undefined ? `tool-result:${part.toolCallId}` : part.key;
        if (state.keys.has(key)) continue;
        if (part.role === 'system') {
          added += Number(registerFragment(state, { key, content: part.content, descriptor: makeDescriptor({ labels: ROLE_LABELS.system.filter((label) => !label.startsWith('src:')), taint: ['src:system'] }), visible: true }));
        } else if (part.role === 'user') {
          session.registerUserMessage(part.content, { key });
          added += 1;
        } else if (part.role === 'assistant') {
          // The model's own text vouches for nothing: without `trusted`/`known`, a value it made up is never `known`.
          const output = labelModelOutput(state.policy, state.context);
          const descriptor = makeDescriptor({ labels: output.labels.filter((label) => !isPositiveLabel(label)), taint: output.taint.filter((label) => !isPositiveLabel(label)), sources: output.sources });
          added += Number(registerFragment(state, { key, content: part.content, descriptor, visible: true }));
        } else {
          // A tool result the session never recorded (executed outside it): only its provenance and the stance.
          const descriptor = makeDescriptor({ labels: [state.policy.unlabeled], taint: [`src:tool:${part.toolName ?? part.toolCallId ?? 'unknown'}`] });
          added += Number(registerFragment(state, { key, content: part.content, descriptor, visible: true }));
        }
      }
      return added;
    },
    recordModelCall({ parts }) {
      const added = session.registerPromptParts(parts);
      const influenced = shouldMarkInfluenced(state.policy, state.context);
      emit(state, { type: 'model-call', fragments: added, contextLabels: state.context.labels, influenced });
      return { context: state.context, output: labelModelOutput(state.policy, state.context), influenced };
    },
    label(value, labels) {
      const descriptor = makeDescriptor({ labels: labels.filter((label) => !label.startsWith('src:')), taint: [...labels.filter((label) => label.startsWith('src:')), 'src:app'] });
      if (descriptor.labels.includes('secret') && typeof value === 'string') state.run.vault.add(value, descriptor);
      else registerApp(value, descriptor);
      emit(state, { type: 'label', target: 'app', labels, by: 'app' });
      return value;
    },
    secret(value) {
      const descriptor = makeDescriptor({ labels: ['secret'], taint: ['src:app'] });
      contents.set(value, descriptor);
      emit(state, { type: 'label', target: 'app', labels: ['secret'], by: 'app' });
      return state.run.vault.add(value, descriptor);
    },
    untrusted(value) {
      return session.label(value, ['untrusted']);
    },
    labelsOf(value) {
      if (value !== null && typeof value === 'object') return identities.get(value);
      return contents.get(contentOf(value));
    },
    redact(value) {
      return state.run.vault.redact(value).value;
    },
    checkToolCall(call) {
      return checkToolCall(state, call);
    },
    recordToolResult(input) {
      return recordToolResult(state, input);
    },
    runToolCall(call, execute) {
      return runToolCall(state, session, call, execute);
    },
    grantApproval(approvalId, toolCall) {
      state.run.approvals.add(approvalId);
      emit(state, { type: 'approval', toolCallId: toolCall?.toolCallId ?? '', tool: toolCall?.tool ?? '', approvalId, approved: true, by: 'grant' });
    },
    scope(options, fn) {
      scopes += 1;
      const frame = storage.getStore();
      const insideToolCall = frame?.session === session ? frame.toolCall : undefined;
      const childPolicy: Policy = {
        ...(options.policy ?? {}),
        ...(options.tools === undefined
          ? {}
          : { capabilities: { ...(options.policy?.capabilities ?? {}), allow: [...(options.policy?.capabilities?.allow ?? []), ...options.tools.map((tool) => `tool:${tool}`)] } }),
      };
      const policy = attenuatePolicy(state.policy, childPolicy, state.options.compile ?? {});
      const child: SessionState = {
        run: state.run,
        scope: [...state.scope, options.name ?? String(scopes)],
        policy,
        options: state.options,
        guards: state.guards,
        tools: state.tools,
        // A sub-agent inside a tool call sees only the tool's inputs; any other scope continues the conversation.
        index: insideToolCall === undefined ? state.index : createContentIndex({ minLength: policy.groundingMinLength }),
        keys: insideToolCall === undefined ? state.keys : new Set(),
        context: insideToolCall === undefined ? state.context : EMPTY_DESCRIPTOR,
        inputs: new Map(),
        subagents: new Map(),
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
      const childSession = makeSession(child);
      const report = () => {
        if (insideToolCall !== undefined) insideToolCall.reportSeen(child.context);
        else state.context = joinDescriptors(state.context, child.context);
      };
      const result = storage.run({ session: childSession }, fn);
      if (result instanceof Promise) return result.finally(report) as typeof result;
      report();
      return result;
    },
    subscribe(listener) {
      state.run.listeners.add(listener);
      return () => state.run.listeners.delete(listener);
    },
    end() {
      emit(state, { type: 'session-end' });
    },
  };
  return session;
}

/**
 * Creates a session: one conversation or agent run under a policy. The policy is compiled once here; a bad
 * policy throws `InvalidPolicyError` now, never mid-run.
 *
 * @example
 * ```ts
 * const session = createSession({
 *   policy: { tools: { send_email: { labels: ['exfil:send'], controlArgs: ['to'] } } },
 *   onApproval: async (request) => askUser(request),
 * });
 * session.registerUserMessage('Summarise my unread mail for rita@corp.io');
 * const outcome = await session.runToolCall(
 *   { toolName: 'send_email', toolCallId: 'call_1', args: { to: 'rita@corp.io', body: '…' } },
 *   (args) => mailer.send(args),
 * );
 * ```
 */
export function createSession(options: SessionOptions): Session {
  const policy = compilePolicy(options.policy as Policy | CompiledPolicy | readonly (Policy | CompiledPolicy)[], options.compile ?? {});
  const run: RunState = {
    sessionId: options.id ?? randomUUID(),
    history: [],
    calls: [],
    counters: { calls: 0, spent: 0, callsByTool: new Map() },
    approvals: new Set(),
    vault: createSecretVault(),
    listeners: new Set([...(options.audit === undefined ? [] : [options.audit.listener]), ...(options.onEvent === undefined ? [] : [options.onEvent])]),
    seq: 0,
  };
  const state: SessionState = {
    run,
    scope: [],
    policy,
    options,
    guards: options.guards ?? [],
    tools: toolMap(options.tools),
    index: createContentIndex({ minLength: policy.groundingMinLength }),
    keys: new Set(),
    context: EMPTY_DESCRIPTOR,
    inputs: new Map(),
    subagents: new Map(),
  };
  emit(state, { type: 'session-start', layers: policy.layers.length });
  return makeSession(state);
}
