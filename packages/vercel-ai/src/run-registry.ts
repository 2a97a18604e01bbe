import { tryGetSession, type Session } from '@labelflow/core';
import { createRunState, type RunState } from './run-state.js';

/**
 * The provider metadata labelflow puts on each tool call the model makes (`providerMetadata.labelflow`). The
 * SDK carries the same object to `toolApproval`, to the tool result and into the next step's prompt; its
 * identity (not its content, which anyone can copy) says which run made the call.
 */
export type RunMarker = {
  readonly session: string;
};

/** Clues to a run, from whichever SDK hook is asking. */
export interface RunClues {
  /** A tool call: a fresh one carries `providerMetadata.labelflow`, one from history `providerOptions.labelflow`. */
  readonly toolCall?: unknown;
  /** The conversation (a prompt, or a tool's `options.messages`). */
  readonly messages?: readonly unknown[];
  /** The id of a tool call the model just made. */
  readonly toolCallId?: string;
}

/** The outcome of looking for a run. */
export type FoundRun = { readonly type: 'found'; readonly run: RunState } | { readonly type: 'none' } | { readonly type: 'ambiguous' };

/** Finds the run (and so the session) an SDK hook belongs to. See `docs/vercel-ai.md`, "Sessions". */
export interface RunRegistry {
  /** The run of the session current in this async context, if any. */
  current(): RunState | undefined;
  /** Looks for a run: the current session, then markers, then recent tool call ids, then the first message. */
  find(clues: RunClues): FoundRun;
  /** A new run with a session of its own. */
  create(): RunState;
  /** Remembers the clues of a tool-side hook (a marker from history, the first message) as leading to `run`. */
  bind(run: RunState, clues: RunClues): void;
  /** The marker for a tool call the model made in `run`. */
  mark(run: RunState, toolCallId: string): RunMarker;
  /** Forgets the tool call ids of `run`'s previous response (its next model call has started). */
  release(run: RunState): void;
}

// Bounds memory when runs end with tool calls nobody executed (a denied or client-side call, a stop condition).
const PENDING_CAP = 10_000;

type Loose = Readonly<Record<string, unknown>>;

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Loose)[key] : undefined;
}

/** The `labelflow` entry of a part's provider metadata (fresh parts) or provider options (parts from history). */
export function markerOf(part: unknown): object | undefined {
  const marker = field(field(part, 'providerMetadata'), 'labelflow') ?? field(field(part, 'providerOptions'), 'labelflow');
  return marker !== null && typeof marker === 'object' ? marker : undefined;
}

/**
 * Creates the registry of one `labelflow()` instance.
 *
 * @example
 * ```ts
 * const registry = createRunRegistry({ createSession: () => createSession({ policy }) });
 * const found = registry.find({ toolCall, messages });
 * const run = found.type === 'found' ? found.run : registry.create();
 * ```
 */
export function createRunRegistry({ createSession }: { createSession: () => Session }): RunRegistry {
  const bySession = new WeakMap<Session, RunState>();
  const byMarker = new WeakMap<object, RunState>();
  const byFirstMessage = new WeakMap<object, RunState>();
  const pending = new Map<string, RunState[]>();

  const forSession = (session: Session): RunState => {
    let run = bySession.get(session);
    if (run === undefined) {
      run = createRunState(session);
      bySession.set(session, run);
    }
    return run;
  };

  const latest = (messages: readonly unknown[]): RunState | undefined => {
    for (let index = messages.length - 1; index >= 0; index -= 1) {
      const content = field(messages[index], 'content');
      if (!Array.isArray(content)) continue;
      for (let part = content.length - 1; part >= 0; part -= 1) {
        const marker = markerOf(content[part]);
        const run = marker === undefined ? undefined : byMarker.get(marker);
        if (run !== undefined) return run;
      }
    }
    return undefined;
  };

  const first = (messages: readonly unknown[] | undefined): object | undefined => {
    const message = messages?.[0];
    return message !== null && typeof message === 'object' ? message : undefined;
  };

  const registry: RunRegistry = {
    current() {
      const session = tryGetSession();
      return session === undefined ? undefined : forSession(session);
    },
    find({ toolCall, messages, toolCallId }) {
      const current = registry.current();
      if (current !== undefined) return { type: 'found', run: current };
      const marker = markerOf(toolCall);
      const marked = (marker === undefined ? undefined : byMarker.get(marker)) ?? (messages === undefined ? undefined : latest(messages));
      if (marked !== undefined) return { type: 'found', run: marked };
      const candidates = toolCallId === undefined ? undefined : pending.get(toolCallId);
      // Fail closed: two live runs made a call with this id, and nothing else tells them apart.
      if (candidates !== undefined && candidates.length > 1) return { type: 'ambiguous' };
      if (candidates !== undefined && candidates.length === 1 && toolCallId !== undefined) {
        pending.delete(toolCallId);
        return { type: 'found', run: candidates[0] as RunState };
      }
      const message = first(messages);
      const run = message === undefined ? undefined : byFirstMessage.get(message);
      return run === undefined ? { type: 'none' } : { type: 'found', run };
    },
    create() {
      return forSession(createSession());
    },
    bind(run, { toolCall, messages }) {
      const marker = markerOf(toolCall);
      if (marker !== undefined && !byMarker.has(marker)) byMarker.set(marker, run);
      const message = first(messages);
      if (message !== undefined) byFirstMessage.set(message, run);
    },
    mark(run, toolCallId) {
      const marker: RunMarker = { session: run.session.id };
      byMarker.set(marker, run);
      pending.set(toolCallId, [...(pending.get(toolCallId) ?? []), run]);
      if (pending.size > PENDING_CAP) pending.delete(pending.keys().next().value as string);
      run.emitted.push(toolCallId);
      return marker;
    },
    release(run) {
      for (const toolCallId of run.emitted) {
        const rest = (pending.get(toolCallId) ?? []).filter((candidate) => candidate !== run);
        if (rest.length === 0) pending.delete(toolCallId);
        else pending.set(toolCallId, rest);
      }
      run.emitted = [];
    },
  };
  return registry;
}
