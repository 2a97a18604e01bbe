import {
  compilePolicy,
  createSession,
  type ApprovalHandler,
  type AuditSink,
  type CompileOptions,
  type CompiledPolicy,
  type CredentialProvider,
  type Guard,
  type Label,
  type Policy,
  type Session,
  type SessionListener,
  type SessionOptions,
  type ToolMetadata,
} from '@labelflow/core';
import { wrapLanguageModel, type LanguageModelMiddleware, type ToolSet } from 'ai';
import type { AdapterContext } from './adapter-context.js';
import { DEFAULT_INSTRUCTIONS_NAME, modelMiddlewares, withAutoverifyTools, type ModelOptions } from './autoverify.js';
import { createInstructionsVerifier, type SigningOptions } from '@labelflow/core';
import { labelflowMiddleware } from './labelflow-middleware.js';
import { createRunRegistry } from './run-registry.js';
import { createTicketBridge } from './ticket-bridge.js';
import { createToolApproval, type LabelflowToolApproval } from './tool-approval.js';
import { describeTool, parseToolMetadata } from './tool-description.js';
import { wrapTools } from './wrap-tools.js';

/**
 * Options of `labelflow()`: every option of a core session (passed to each session this instance creates; the
 * policy is compiled once, here), plus the adapter's own.
 */
export interface LabelflowOptions extends Omit<SessionOptions, 'id'> {
  /** `'result'` (default): the model reads each denial and carries on. `'throw'`: a denial throws `PolicyDeniedError`. */
  readonly onDeny?: 'result' | 'throw';
  /** Called with each session this instance creates for a run (to register secrets, subscribe, …). */
  readonly onSession?: (session: Session) => void;
  /** Signed instructions (the policy's `defaults.autosign` / `autoverify`): key, signer, fixed instructions, `onTamper`. */
  readonly signing?: SigningOptions;
}

/** A model `lf.model()` accepts: whatever `wrapLanguageModel` accepts. */
export type WrappableModel = Parameters<typeof wrapLanguageModel>[0]['model'];

/** A configured labelflow instance for the Vercel AI SDK. */
export interface Labelflow {
  readonly policy: CompiledPolicy;
  /** The language-model middleware: indexes prompts, labels output, marks tool calls with their run. */
  readonly middleware: LanguageModelMiddleware;
  /**
   * `wrapLanguageModel({ model, middleware: lf.middleware })`; `options.name` names its instructions (default
   * `system`), `options.labels: ['llm']` marks an auditor or sub-agent model for autoverify.
   */
  model(model: WrappableModel, options?: ModelOptions): ReturnType<typeof wrapLanguageModel>;
  /** Wraps a tool set so every `execute` runs through the engine; under autoverify it adds the `verify` tool. */
  tools<TOOLS extends ToolSet>(tools: TOOLS): TOOLS;
  /** Decides every tool call before the SDK executes it; pass it as `toolApproval`. */
  readonly toolApproval: LabelflowToolApproval;
  /** A new session under this instance's policy, for a conversation that spans several calls. */
  session(options?: { readonly id?: string }): Session;
  /** Runs `fn` with a new session current, so every call inside shares it; ends it when `fn` settles. */
  run<T>(fn: (session: Session) => T, options?: { readonly id?: string }): T;
}

/**
 * Creates a labelflow instance for Vercel AI SDK 7 apps: one policy, and the three pieces that put it on a
 * `generateText`, `streamText` or `ToolLoopAgent` call. Every run gets its own session (label state, secrets,
 * counters, approvals): implicitly, one per call, or explicitly with `lf.run` / `lf.session` (see
 * `docs/vercel-ai.md`). A bad policy or bad tool metadata throws `InvalidPolicyError` here, never mid-run.
 *
 * @example
 * ```ts
 * const lf = labelflow({
 *   policy: {},
 *   tools: { readEmail: { output: { labels: ['untrusted'] } }, sendEmail: { labels: ['exfil:send'], controlArgs: ['to'] } },
 * });
 * const result = await generateText({
 *   model: lf.model(openai('gpt-5')),
 *   tools: lf.tools({ readEmail, sendEmail }),
 *   toolApproval: lf.toolApproval,
 *   prompt: 'Summarise my unread mail for rita@corp.io',
 *   stopWhen: isStepCount(10),
 * });
 * ```
 */
export function labelflow(options: LabelflowOptions): Labelflow {
  const policy = compilePolicy(options.policy as Policy | CompiledPolicy | readonly (Policy | CompiledPolicy)[], options.compile ?? {});
  const tools = parseToolMetadata(options.tools ?? {}, 'labelflow({ tools })');
  const { onDeny = 'result', onSession, signing, ...sessionOnly } = options;
  // Every core session option reaches the sessions as given; only the policy and tools are replaced by their
  // compiled and validated forms.
  const sessionOptions: SessionOptions = { ...sessionOnly, policy, tools };
  const newSession = (id?: string): Session => {
    const session = createSession(id === undefined ? sessionOptions : { ...sessionOptions, id });
    onSession?.(session);
    return session;
  };
  const context: AdapterContext = {
    registry: createRunRegistry({ createSession: () => newSession() }),
    tickets: createTicketBridge(),
    wrapped: new WeakMap(),
    beside: new Map(Object.entries(tools)),
    onDeny,
  };
  const verifier = createInstructionsVerifier({ policy, ...(signing === undefined ? {} : { signing }), audit: options.audit });
  const middlewareFor = (name: string) => labelflowMiddleware({ registry: context.registry, instructions: { verifier, name } });
  const middleware = middlewareFor(DEFAULT_INSTRUCTIONS_NAME);
  const labelsOf = (name: string, tool: unknown) => [...(describeTool(name, tool, context.beside.get(name)).declared?.labels ?? []), ...(policy.tools.get(name)?.labels ?? [])];

  return {
    policy,
    middleware,
    model: (model, modelOptions = {}) => wrapLanguageModel({ model, middleware: modelMiddlewares({ verifier, base: (name) => (name === DEFAULT_INSTRUCTIONS_NAME ? middleware : middlewareFor(name)), options: modelOptions }) }),
    tools: (set) => wrapTools(context, withAutoverifyTools(set, { verifier, labelsOf })),
    toolApproval: createToolApproval(context),
    session: ({ id } = {}) => newSession(id),
    run(fn, { id } = {}) {
      const session = newSession(id);
      const result = session.run(() => fn(session));
      if (result instanceof Promise) return result.finally(() => session.end()) as typeof result;
      return result;
    },
  };
}
