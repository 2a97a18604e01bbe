import { SessionMissingError } from '../errors/session-missing-error.js';
import type { Session } from './create-session.js';
import { sessionStorage } from './session-storage.js';

/**
 * The session of the current async context (inside `session.run(...)`, including tool executions the engine
 * runs). Throws `SessionMissingError` outside one.
 *
 * @example
 * ```ts
 * const sendReport = tool({ execute: async (args) => { const session = getSession(); … } });
 * ```
 */
export function getSession(): Session {
  const session = tryGetSession();
  if (session === undefined) throw new SessionMissingError();
  return session;
}

/** The session of the current async context, or `undefined` outside one. */
export function tryGetSession(): Session | undefined {
  return sessionStorage<Session>().getStore()?.session;
}
