import { randomUUID } from 'node:crypto';
import { createContentIndex } from '../grounding/index.js';
import { EMPTY_DESCRIPTOR, joinDescriptors, makeDescriptor } from '../labels/descriptor.js';
import { compilePolicy } from '../policy/compile-policy.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import type { Policy, ToolMetadata } from '../policy/policy-schema.js';
import { createAppValues } from './app-values.js';
import { checkToolCall } from './check-tool-call.js';
import { digestValue } from './digest.js';
import { emit } from './emit.js';
import { modelOutputOf } from './model-output.js';
import { createPromptCursor } from './prompt-cursor.js';
import { recordToolResult } from './record-tool-result.js';
import { registerPromptParts } from './register-prompt-parts.js';
import { runToolCall } from './run-tool-call.js';
import { scopeState } from './scope-state.js';
import { createSecretVault } from './secret-vault.js';
import { createSeenKeys } from './seen-keys.js';
import type { Session } from './session.js';
import { registerFragment, type RunState, type SessionState } from './session-state.js';
import { sessionStorage } from './session-storage.js';
import type { SessionOptions } from './session-types.js';
import { userDescriptorOf } from './user-descriptor.js';

export type { ScopeOptions } from './scope-state.js';
export type { Session } from './session.js';

function toolMap(tools: Readonly<Record<string, ToolMetadata>> | undefined): Map<string, ToolMetadata> {
  const map = new Map<string, ToolMetadata>();
  for (const name of Object.keys(tools ?? {})) map.set(name, (tools as Record<string, ToolMetadata>)[name] as ToolMetadata);
  return map;
}

function makeSession(state: SessionState): Session {
  const storage = sessionStorage<Session>();
  const appValues = createAppValues(state);
  let scopes = 0;

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
      // Keys appear in events and the audit trail, so a default key is a digest, never the text itself.
      registerFragment(state, { key: key ?? `user:${digestValue(text)}`, content: text, descriptor: userDescriptorOf(state), visible: true });
    },
    registerPromptParts(parts) {
      return registerPromptParts(state, parts);
    },
    recordModelCall({ parts }) {
      const added = registerPromptParts(state, parts);
      const { influenced } = modelOutputOf(state);
      emit(state, () => ({ type: 'model-call', fragments: added, contextLabels: state.context.labels, influenced }));
      // Read after the event, as a listener may have registered something; the output's labels are made when read.
      const seen = modelOutputOf(state);
      return {
        context: seen.context,
        get output() {
          return seen.output;
        },
        influenced,
      };
    },
    label(value, labels) {
      return appValues.label(value, labels);
    },
    secret(value) {
      return appValues.secret(value);
    },
    untrusted(value) {
      return session.label(value, ['untrusted']);
    },
    labelsOf(value) {
      return appValues.labelsOf(value);
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
      emit(state, () => ({ type: 'approval', toolCallId: toolCall?.toolCallId ?? '', tool: toolCall?.tool ?? '', approvalId, approved: true, by: 'grant' }));
    },
    scope(options, fn) {
      scopes += 1;
      const frame = storage.getStore();
      const insideToolCall = frame?.session === session ? frame.toolCall : undefined;
      const child = scopeState(state, options, options.name ?? String(scopes), insideToolCall);
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
      emit(state, () => ({ type: 'session-end' }));
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
    keys: createSeenKeys(),
    context: EMPTY_DESCRIPTOR,
    inputs: new Map(),
    subagents: new Map(),
    prompt: createPromptCursor(),
  };
  emit(state, () => ({ type: 'session-start', layers: policy.layers.length }));
  return makeSession(state);
}
