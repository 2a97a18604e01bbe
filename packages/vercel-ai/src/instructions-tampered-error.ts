import { LabelflowError, type VerifyResult } from '@labelflow/core';

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
 * the LangChain adapter, so `isInstance` recognises either.
 *
 * @example
 * ```ts
 * try { await generateText({ model: lf.model(model), instructions, prompt }); }
 * catch (error) { if (InstructionsTamperedError.isInstance(error)) console.error(error.names, error.results); }
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
