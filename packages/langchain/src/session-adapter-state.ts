import type { Session } from '@labelflow/core';

/**
 * What the adapter remembers about one session beside the engine's own state. Kept in a `WeakMap` keyed by the
 * session, so it lives and dies with the session and no two sessions ever share it.
 */
export interface SessionAdapterState {
  /** Prompt keys already handed to `recordModelCall`: a message's content is read once, never per step. */
  readonly seen: Set<string>;
  /** Tool calls labelflow refused: their error `ToolMessage` is labelflow's own text, not a tool result. */
  readonly refused: Set<string>;
  /** Per tool call, the approval ids its interrupts asked about, in order (see `approveThroughInterrupt`). */
  readonly asked: Map<string, (string | null)[]>;
  /** Tools the session's own `tools` option describes (empty for sessions labelflow did not create). */
  readonly describedTools: ReadonlySet<string>;
}

const STATES = new WeakMap<Session, SessionAdapterState>();

/** A fresh adapter state. */
export function newAdapterState({ describedTools }: { describedTools: ReadonlySet<string> }): SessionAdapterState {
  return { seen: new Set(), refused: new Set(), asked: new Map(), describedTools };
}

/** Attaches `state` to a session labelflow created. */
export function attachAdapterState(session: Session, state: SessionAdapterState): void {
  STATES.set(session, state);
}

/** The adapter state of `session`; a session the app created itself gets an empty one on first use. */
export function adapterStateOf(session: Session): SessionAdapterState {
  let state = STATES.get(session);
  if (state === undefined) {
    state = newAdapterState({ describedTools: new Set() });
    STATES.set(session, state);
  }
  return state;
}
