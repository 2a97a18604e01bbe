import { LabelflowError } from './labelflow-error.js';
import { formatIssuePath, type PolicyIssue } from './invalid-policy-error.js';

const name = 'PolicyWideningError';
const marker = `labelflow.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * Thrown by `attenuatePolicy` when a child policy tries to allow something its parent does not. A child scope
 * may only narrow; every attempt to widen is listed.
 *
 * @example
 * ```ts
 * try { attenuatePolicy(parent, { capabilities: { allow: ['tool:*'] } }); }
 * catch (error) { if (PolicyWideningError.isInstance(error)) console.log(error.issues); }
 * ```
 */
export class PolicyWideningError extends LabelflowError {
  private readonly [symbol] = true;
  readonly issues: readonly PolicyIssue[];

  constructor({ issues }: { issues: readonly PolicyIssue[] }) {
    const list = issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`).join('; ');
    super({
      name,
      message: `child policy widens its parent (${issues.length} issue${issues.length === 1 ? '' : 's'}): ${list}; a child scope may only narrow, so remove these entries or widen the parent policy instead`,
    });
    this.issues = issues;
  }

  static override isInstance(error: unknown): error is PolicyWideningError {
    return LabelflowError.hasMarker(error, marker);
  }
}
