import { isNullLike, tolerantMatch } from '../text/index.js';
import type { CompiledLayer } from '../policy/compiled-policy.js';
import type { ArgumentConstraint } from '../policy/policy-schema.js';
import type { ArgumentViews } from './argument-views.js';
import { violation, type Violation } from './decision.js';
import { isOperation } from './operation-targets.js';

/** True when the operation is a write: `authorizations` (the task manifest) lists the writes a task may do. */
export function isConsequential(targets: readonly string[]): boolean {
  return ['exfil', 'destructive', 'privileged', 'exec', 'tool:w'].some((category) => isOperation(targets, category));
}

function satisfies(actual: unknown, constraint: ArgumentConstraint): boolean {
  if (constraint !== null && typeof constraint === 'object' && !Array.isArray(constraint)) {
    if (constraint.eq !== undefined) return tolerantMatch(actual, constraint.eq);
    return (constraint.oneOf ?? []).some((option) => tolerantMatch(actual, option));
  }
  return tolerantMatch(actual, constraint);
}

const UNLISTED = {
  ruleId: 'authorizations.unlisted',
  reason: 'operation not authorized by policy.authorizations',
  suggestion: 'add the tool to `authorizations.allow` for this task',
};
const MISMATCH = {
  ruleId: 'authorizations.args',
  reason: 'operation arguments did not match policy.authorizations',
  suggestion: 'call the tool with the argument values pinned in `authorizations.allow`, or pin the values this task needs',
};

/**
 * Checks one layer's task manifest. Writes not listed are denied; a listed write must match every pinned
 * argument (tolerant comparison), and every declared control argument it does not pin must be empty. An
 * entry of `true` authorizes a tool only when it has no declared control arguments.
 */
export function checkAuthorizations(
  layer: CompiledLayer,
  tool: string,
  targets: readonly string[],
  { views, controlDeclared }: ArgumentViews,
): Violation | undefined {
  const authorizations = layer.authorizations;
  if (authorizations === undefined || !isConsequential(targets)) return undefined;
  const entry = authorizations.get(tool);
  if (entry === undefined) return violation({ ...UNLISTED, target: `tool:${tool}` });
  const controlArgs = controlDeclared ? views.filter((view) => view.control) : [];
  if (entry === true) {
    const set = controlArgs.filter((view) => !view.empty).map((view) => view.name);
    return set.length === 0 ? undefined : violation({ ...MISMATCH, args: set });
  }
  const mismatched: string[] = [];
  for (const [name, constraint] of entry) {
    const view = views.find((candidate) => candidate.name === name);
    if (!satisfies(view?.value, constraint)) mismatched.push(name);
  }
  for (const view of controlArgs) {
    if (!entry.has(view.name) && !isNullLike(view.value)) mismatched.push(view.name);
  }
  return mismatched.length === 0 ? undefined : violation({ ...MISMATCH, args: mismatched });
}
