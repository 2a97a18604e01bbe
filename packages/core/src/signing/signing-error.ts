import { LabelflowError } from '../errors/labelflow-error.js';

const name = 'SigningError';
const marker = `labelflow.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * Thrown by `sign` and by key loading when a template cannot be signed: no usable Ed25519 private key, an
 * invalid template name, or the key or signature folder cannot be written. `verify` never throws it: a failed
 * verification is a value.
 *
 * @example
 * ```ts
 * try { sign('system', text, { by: 'user:ann' }); }
 * catch (error) { if (SigningError.isInstance(error)) console.error(error.message); }
 * ```
 */
export class SigningError extends LabelflowError {
  private readonly [symbol] = true;

  constructor({ message, cause }: { message: string; cause?: unknown }) {
    super({ name, message, cause });
  }

  static override isInstance(error: unknown): error is SigningError {
    return LabelflowError.hasMarker(error, marker);
  }
}
