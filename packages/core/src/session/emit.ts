import type { SessionEvent, SessionEventInput } from './session-event.js';
import type { RunState } from './session-state.js';

/**
 * Sends an event to every listener; a listener that throws is ignored so it can never change a decision.
 *
 * The event is built (`build` called) only when someone listens: its digests of arguments and results, its
 * copies and its freeze were most of a step's cost in runs that have no listener and no audit ledger (a ledger
 * is a listener). The sequence number advances either way, so a listener that subscribes mid-run receives the
 * same events, numbered the same, as before.
 */
export function emit(state: { readonly run: RunState; readonly scope: readonly string[] }, build: () => SessionEventInput): void {
  const { run } = state;
  if (run.listeners.size === 0) {
    run.seq += 1;
    return;
  }
  const event = build();
  run.seq += 1;
  const stamped = Object.freeze({ ...event, sessionId: run.sessionId, scope: state.scope, seq: run.seq, ts: Date.now() }) as SessionEvent;
  for (const listener of run.listeners) {
    try {
      listener(stamped);
    } catch {
      // Listeners observe; their failures must not affect the run.
    }
  }
}
