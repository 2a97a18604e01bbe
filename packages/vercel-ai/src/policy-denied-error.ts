import { LabelflowError, type Decision } from '@labelflow/core';

const name = 'PolicyDeniedError';
const marker = `labelflow.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * Thrown instead of handing a denial to the model when `labelflow({ onDeny: 'throw' })` is set. Carries the
 * engine's decision.
 *
 * @example
 * ```ts
 * try { await generateText({ model: lf.model(model), tools: lf.tools(tools), toolApproval: lf.toolApproval, prompt }); }
 * catch (error) { if (PolicyDeniedError.isInstance(error)) console.log(error.decision.ruleIds); }
 * ```
 */
export class PolicyDeniedError extends LabelflowError {
  private readonly [symbol] = true;
  readonly decision: Decision;

  constructor({ decision }: { decision: Decision }) {
    super({ name, message: decision.message });
    this.decision = decision;
  }

  static override isInstance(error: unknown): error is PolicyDeniedError {
    return LabelflowError.hasMarker(error, marker);
  }
}
