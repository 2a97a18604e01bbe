import { LabelflowError } from './labelflow-error.js';

const name = 'SessionMissingError';
const marker = `labelflow.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * Thrown by `getSession()` outside `session.run(...)`.
 *
 * @example
 * ```ts
 * const session = createSession({ policy: {} });
 * await session.run(async () => getSession()); // fine
 * getSession(); // throws SessionMissingError
 * ```
 */
export class SessionMissingError extends LabelflowError {
  private readonly [symbol] = true;

  constructor() {
    super({
      name,
      message:
        'no labelflow session is active here: call this inside `session.run(...)` (the adapters do it for you), or use `tryGetSession()` when a session is optional',
    });
  }

  static override isInstance(error: unknown): error is SessionMissingError {
    return LabelflowError.hasMarker(error, marker);
  }
}
