const marker = 'labelflow.error';
const symbol = Symbol.for(marker);

/**
 * Base class of every error labelflow throws. `isInstance` checks a marker symbol instead of the prototype
 * chain, so it works when two copies of the package are installed side by side.
 *
 * @example
 * ```ts
 * try { parsePolicy(input); } catch (error) {
 *   if (LabelflowError.isInstance(error)) console.error(error.message);
 * }
 * ```
 */
export class LabelflowError extends Error {
  private readonly [symbol] = true;

  constructor({ name, message, cause }: { name: string; message: string; cause?: unknown }) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = name;
  }

  /** True when `error` is a labelflow error (from any installed copy of the package). */
  static isInstance(error: unknown): error is LabelflowError {
    return LabelflowError.hasMarker(error, marker);
  }

  protected static hasMarker(error: unknown, errorMarker: string): boolean {
    const errorSymbol = Symbol.for(errorMarker);
    return (
      error != null &&
      typeof error === 'object' &&
      errorSymbol in error &&
      (error as Record<symbol, unknown>)[errorSymbol] === true
    );
  }
}
