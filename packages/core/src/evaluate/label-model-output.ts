import { makeDescriptor, withoutOperationLabels, type Descriptor, type DescriptorParts } from '../labels/descriptor.js';
import { hasLabel } from '../labels/match-label.js';
import { isProvenanceLabel } from '../labels/label.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';

/**
 * True when the rule `untrusted-llms-get-influenced` applies: it is on in some layer and the model's context
 * holds `untrusted`. The caller asks only for models (or tools labelled `llm`).
 *
 * @example
 * ```ts
 * shouldMarkInfluenced(compilePolicy({}), { labels: ['untrusted'] }); // true
 * shouldMarkInfluenced(compilePolicy({}), { labels: ['trusted'] });   // false
 * ```
 */
export function shouldMarkInfluenced(compiled: CompiledPolicy, context: DescriptorParts): boolean {
  if (!compiled.rules.has('untrusted-llms-get-influenced')) return false;
  return hasLabel(context.labels ?? [], 'untrusted') || hasLabel(context.taint ?? [], 'untrusted');
}

/**
 * The descriptor of a model's output (its text and each tool-call argument before grounding): the join of its
 * context without operation labels, plus `llm`, plus `influenced` when `shouldMarkInfluenced` says so.
 *
 * @example
 * ```ts
 * labelModelOutput(compiled, makeDescriptor({ labels: ['untrusted'] })).labels; // ['influenced', 'llm', 'untrusted']
 * ```
 */
export function labelModelOutput(compiled: CompiledPolicy, context: Descriptor): Descriptor {
  const base = withoutOperationLabels(context);
  const extra = shouldMarkInfluenced(compiled, base) ? ['llm', 'influenced'] : ['llm'];
  return makeDescriptor({ labels: [...base.labels, ...extra], taint: base.taint, sources: base.sources });
}

/**
 * Applies the policy's `defaults.unlabeled` stance where a value enters: a value whose taint holds only
 * provenance (`src:*`, `dir:*`) gets `untrusted` (or `trusted` under the trusted stance). Values with any
 * other label, and values with no taint at all, are returned unchanged.
 *
 * @example
 * ```ts
 * applyUnlabeledStance(compilePolicy({}), makeDescriptor({ taint: ['src:tool:fetch'] })).labels; // ['untrusted']
 * ```
 */
export function applyUnlabeledStance(compiled: CompiledPolicy, descriptor: Descriptor): Descriptor {
  if (descriptor.taint.length === 0 || !descriptor.taint.every(isProvenanceLabel)) return descriptor;
  return makeDescriptor({ labels: [...descriptor.labels, compiled.unlabeled], taint: descriptor.taint, sources: descriptor.sources });
}
