import { compilePolicy, createSession, type AuditSink, type CompiledPolicy, type Session, type SessionOptions, type ToolMetadata } from '@labelflow/core';
import { attachAdapterState, newAdapterState } from './session-adapter-state.js';

/** Which conversation a session belongs to. */
export type SessionInfo = { readonly type: 'thread'; readonly threadId: string } | { readonly type: 'run'; readonly runId: string };

/** Options shared by every session labelflow creates for LangChain: the core session options, and a hook. */
export interface LabelflowOptions extends Omit<SessionOptions, 'id'> {
  /** Called once for each new session, before it is used: subscribe to its events, register secrets. */
  readonly onSession?: (session: Session, info: SessionInfo) => void;
}

/**
 * The sessions of LangGraph threads and of single invocations. Each thread and each invocation has its own
 * session: sessions never share labels.
 */
export interface ThreadSessions {
  /** The policy every session of the registry runs under, compiled once. */
  readonly policy: CompiledPolicy;
  /** Tool metadata given beside the tools. */
  readonly tools: Readonly<Record<string, ToolMetadata>>;
  /** The audit ledger every session writes to, if any. */
  readonly audit: AuditSink | undefined;
  /** The session of a LangGraph thread (`configurable.thread_id`): created on first use, kept until `delete`. */
  thread(threadId: string): Session;
  /** The session of one invocation that has no thread, by the id the middleware keeps in the agent's private state. */
  run(runId: string): Session;
  /** Ends an invocation's session and forgets it. */
  endRun(runId: string): void;
  /** The session of a thread, if it has one. */
  get(threadId: string): Session | undefined;
  /** Ends a thread's session and forgets it: a later call on the thread starts from no labels. */
  delete(threadId: string): boolean;
}

// Invocations whose `afterAgent` never ran (the run threw) would otherwise pile up; the oldest are ended first.
const MAX_RUNS = 10_000;

/**
 * Creates the session registry the middleware and `wrapTools` share. The policy is compiled once, here: a bad
 * policy throws `InvalidPolicyError` now, not on the first call.
 *
 * @param options.policy the policy (object, compiled policy or layers)
 * @param options.tools tool metadata given beside the tools
 * @param options.onApproval decides `require-approval` calls; without it, approvals go through LangGraph's `interrupt`
 * @param options.onSession called for each new session (subscribe to events, register secrets)
 * @example
 * ```ts
 * const sessions = createThreadSessions({ policy, onSession: (session) => session.subscribe(audit) });
 * const agent = createAgent({ model, tools, middleware: [labelflowMiddleware({ sessions })], checkpointer });
 * await agent.invoke(input, { configurable: { thread_id: 'support-42' } });
 * sessions.get('support-42')?.context.labels; // what that conversation has seen
 * ```
 */
export function createThreadSessions(options: LabelflowOptions): ThreadSessions {
  const { onSession, ...sessionOptions } = options;
  const policy = compilePolicy(options.policy, options.compile ?? {});
  const describedTools: ReadonlySet<string> = new Set(Object.keys(options.tools ?? {}));
  const threads = new Map<string, Session>();
  const runs = new Map<string, Session>();

  const create = (info: SessionInfo): Session => {
    const state = newAdapterState({ describedTools });
    const session = createSession({ ...sessionOptions, policy, ...(options.guards === undefined ? {} : { guards: options.guards }) });
    attachAdapterState(session, state);
    onSession?.(session, info);
    return session;
  };

  const endRun = (runId: string): void => {
    runs.get(runId)?.end();
    runs.delete(runId);
  };

  return {
    policy,
    tools: options.tools ?? {},
    audit: options.audit,
    thread(threadId) {
      let session = threads.get(threadId);
      if (session === undefined) {
        session = create({ type: 'thread', threadId });
        threads.set(threadId, session);
      }
      return session;
    },
    run(runId) {
      let session = runs.get(runId);
      if (session === undefined) {
        session = create({ type: 'run', runId });
        runs.set(runId, session);
        if (runs.size > MAX_RUNS) {
          const [oldest] = runs.keys();
          if (oldest !== undefined) endRun(oldest);
        }
      }
      return session;
    },
    endRun,
    get(threadId) {
      return threads.get(threadId);
    },
    delete(threadId) {
      threads.get(threadId)?.end();
      return threads.delete(threadId);
    },
  };
}
