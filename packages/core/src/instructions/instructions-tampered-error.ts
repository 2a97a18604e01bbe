import { LabelflowError } from '../errors/labelflow-error.js';
import type { VerifyResult } from '../signing/index.js';

const name = 'InstructionsTamperedError';
const marker = `labelflow.error.${name}`;
const symbol = Symbol.for(marker);

function describe(results: Readonly<Record<string, VerifyResult>>, names: readonly string[]): string {
  return names.map((which) => {
    const result = results[which];
    return `\`${which}\` (${result !== undefined && !result.verified ? result.reason : 'unverified'})`;
  }).join(', ');
}

/**
 * Thrown before a model call when autoverify finds that the instructions about to be sent do not match their
 * signatures (changed, removed, unsigned or forged) and the adapter's `signing.onTamper` is `deny` (the
 * default). The model did not run. `results` holds each check; for a genuine signature whose content differs
 * (`content-mismatch`) it includes the signed original. The same error (same name and marker) is thrown by
 * both adapters. `createAgent` wraps errors thrown by middleware in its `MiddlewareError` (same name and message):
 * this error is its `cause`.
 *
 * @example
 * ```ts
 * try { await agent.invoke({ messages }); }
 * catch (error) { const tampered = instructionsTamperedErrorOf(error); if (tampered !== undefined) console.error(tampered.names); }
 * ```
 */
export class InstructionsTamperedError extends LabelflowError {
  private readonly [symbol] = true;
  /** The instruction names that did not verify. */
  readonly names: readonly string[];
  readonly results: Readonly<Record<string, VerifyResult>>;
  readonly sessionId: string;

  constructor({ names, results, sessionId }: { names: readonly string[]; results: Readonly<Record<string, VerifyResult>>; sessionId: string }) {
    super({
      name,
      message: `labelflow refused the model call: the instructions ${describe(results, names)} do not match their signatures; restore the signed text, or sign the new text (\`labelflow sign\`) if the change is yours`,
    });
    this.names = names;
    this.results = results;
    this.sessionId = sessionId;
  }

  static override isInstance(error: unknown): error is InstructionsTamperedError {
    return LabelflowError.hasMarker(error, marker);
  }
}

/**
 * The `InstructionsTamperedError` in `error` or its chain of causes (`createAgent` wraps an error thrown by a
 * middleware in a `MiddlewareError` per middleware around it), or `undefined`.
 *
 * @example
 * ```ts
 * const tampered = instructionsTamperedErrorOf(await agent.invoke(input).catch((error: unknown) => error));
 * ```
 */
export function instructionsTamperedErrorOf(error: unknown): InstructionsTamperedError | undefined {
  const seen = new Set<unknown>();
  let current = error;
  // Bounded by `seen`: a cause chain can be circular.
  while (current !== null && typeof current === 'object' && !seen.has(current)) {
    if (InstructionsTamperedError.isInstance(current)) return current;
    seen.add(current);
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
