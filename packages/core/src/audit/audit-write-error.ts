import { LabelflowError } from '../errors/labelflow-error.js';

const name = 'AuditWriteError';
const marker = `labelflow.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * Thrown when a record cannot be appended to the audit ledger: the store is unwritable, its lock cannot be
 * taken, or its last record is unreadable. In `enforce` mode the operation being recorded is denied.
 *
 * @example
 * ```ts
 * try { ledger.append({ type: 'note', sessionId: 'none' }); }
 * catch (error) { if (AuditWriteError.isInstance(error)) console.error(error.message); }
 * ```
 */
export class AuditWriteError extends LabelflowError {
  private readonly [symbol] = true;
  /** Where the ledger lives (a file path, or `memory`). */
  readonly location: string;

  constructor({ location, reason, cause }: { location: string; reason: string; cause?: unknown }) {
    super({ name, message: `cannot append to the audit ledger \`${location}\`: ${reason}`, cause });
    this.location = location;
  }

  static override isInstance(error: unknown): error is AuditWriteError {
    return LabelflowError.hasMarker(error, marker);
  }
}
