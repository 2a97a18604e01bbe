import { matchesLabel } from '../labels/match-label.js';
import type { Label } from '../labels/label.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';

/** The operation a tool call is: its labels, and the risk categories they map onto. */
export interface OperationTargets {
  /** `op:tool:<name>`, the tool's labels, and every category any layer maps them onto. */
  readonly targets: readonly Label[];
  /** The tool's own labels with `op:tool:<name>`, before mapping (allow-side matching maps them per layer). */
  readonly base: readonly Label[];
  /** True when neither the caller nor the policy described the tool. */
  readonly undescribed: boolean;
}

/** Categories `operations` maps the base targets onto (prefix match: `net:w` maps `net:w:slack` too). */
export function expandTargets(base: readonly Label[], operations: ReadonlyMap<Label, readonly Label[]>): Label[] {
  const targets = new Set(base);
  for (const [category, labels] of operations) {
    if (labels.some((label) => base.some((target) => matchesLabel(label, target)))) targets.add(category);
  }
  return [...targets];
}

/**
 * Computes the targets of a tool call. A tool nobody described is treated as consequential: it counts as
 * both `exfil` and `destructive`.
 */
export function operationTargets(
  compiled: CompiledPolicy,
  tool: string,
  declaredLabels: readonly Label[] | undefined,
): OperationTargets {
  const metadata = compiled.tools.get(tool);
  // Only declared operation labels describe a tool; output labels alone (an MCP source, say) do not relax it.
  const undescribed = declaredLabels === undefined && metadata?.describesOperation !== true;
  const base = [`op:tool:${tool}`, ...(declaredLabels ?? []), ...(metadata?.labels ?? [])];
  if (undescribed) base.push('exfil', 'destructive');
  const unique = [...new Set(base)];
  return Object.freeze({ targets: Object.freeze(expandTargets(unique, compiled.operations)), base: Object.freeze(unique), undescribed });
}

/** True when some target is `category` or one of its children. */
export function isOperation(targets: readonly Label[], category: Label): boolean {
  return targets.some((target) => matchesLabel(category, target));
}
