import { LabelflowError } from './labelflow-error.js';

const name = 'InvalidPolicyError';
const marker = `labelflow.error.${name}`;
const symbol = Symbol.for(marker);

/** One problem found in a policy document: where it is and what was expected there. */
export interface PolicyIssue {
  /** Path from the policy root, e.g. `['capabilities', 'allow', 2]`. */
  readonly path: readonly (string | number)[];
  /** Stable machine-readable code, e.g. `unknown-rule`, `invalid_type`. */
  readonly code: string;
  /** One sentence saying what was found and what was expected. */
  readonly message: string;
}

/** Formats a path the way the error messages show it: `capabilities.allow[2]`, or `(root)`. */
export function formatIssuePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/**
 * Thrown by `parsePolicy` and `compilePolicy` when a policy is invalid. It lists every issue at once, each with
 * its path, so a user can fix the whole file in one pass.
 *
 * @example
 * ```ts
 * try { parsePolicy({ defaults: { rules: ['no-secret-exfill'] } }); }
 * catch (error) { if (InvalidPolicyError.isInstance(error)) for (const i of error.issues) console.log(i.path, i.message); }
 * ```
 */
export class InvalidPolicyError extends LabelflowError {
  private readonly [symbol] = true;
  readonly issues: readonly PolicyIssue[];

  constructor({ issues, source }: { issues: readonly PolicyIssue[]; source?: string }) {
    const where = source === undefined ? 'policy' : `policy \`${source}\``;
    const list = issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`).join('; ');
    super({
      name,
      message: `${where} is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}): ${list}; fix each path listed and load it again`,
    });
    this.issues = issues;
  }

  static override isInstance(error: unknown): error is InvalidPolicyError {
    return LabelflowError.hasMarker(error, marker);
  }
}
