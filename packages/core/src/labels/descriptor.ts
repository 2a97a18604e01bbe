import { internDescriptor, isInterned, joinInterned } from './intern-descriptor.js';
import { isOperationLabel, isPositiveLabel, type Label } from './label.js';
import { mergeSorted } from './merge-sorted.js';
import { sortedUnique } from './sorted-unique.js';

/**
 * What labelflow knows about a value: `labels` (what it is), `taint` (its labels plus provenance such as
 * `src:tool:read_inbox`; always a superset of `labels`) and `sources` (how it got here: tool call ids,
 * `guard:<name>`). Descriptors are frozen and interned: equal descriptors are the same object, so joins can be
 * cached by identity.
 */
export interface Descriptor {
  readonly labels: readonly Label[];
  readonly taint: readonly Label[];
  readonly sources: readonly string[];
}

/** The parts a descriptor is made from; every part is optional. */
export interface DescriptorParts {
  readonly labels?: readonly Label[];
  readonly taint?: readonly Label[];
  readonly sources?: readonly string[];
}

const NONE: readonly string[] = [];

/**
 * Makes (or finds) the interned descriptor for these parts. Labels are also added to taint.
 *
 * @example
 * ```ts
 * const d = makeDescriptor({ labels: ['untrusted'], taint: ['src:tool:read_inbox'], sources: ['call_1'] });
 * d.taint; // ['src:tool:read_inbox', 'untrusted']
 * makeDescriptor({ labels: ['untrusted'], taint: ['src:tool:read_inbox'], sources: ['call_1'] }) === d; // true
 * ```
 */
export function makeDescriptor(parts: DescriptorParts = {}): Descriptor {
  if (isInterned(parts)) return parts;
  const labels = sortedUnique(parts.labels ?? NONE);
  const taint = mergeSorted(labels, sortedUnique(parts.taint ?? NONE));
  return internDescriptor(labels, taint, sortedUnique(parts.sources ?? NONE));
}

/** The descriptor with no labels, taint or sources. */
export const EMPTY_DESCRIPTOR: Descriptor = makeDescriptor();

/** True when two descriptors hold the same labels, taint and sources. */
export function descriptorsEqual(a: Descriptor, b: Descriptor): boolean {
  return a === b || internOf(a) === internOf(b);
}

function internOf(descriptor: Descriptor): Descriptor {
  return isInterned(descriptor) ? descriptor : makeDescriptor(descriptor);
}

/**
 * The join of two descriptors: the union of their labels, taint and sources. Cached by identity, so joining
 * the same pair again costs one lookup. Join is associative, commutative and idempotent.
 */
export function joinDescriptors(a: Descriptor, b: Descriptor): Descriptor {
  const left = internOf(a);
  const right = internOf(b);
  if (left === right || right === EMPTY_DESCRIPTOR) return left;
  if (left === EMPTY_DESCRIPTOR) return right;
  return joinInterned(left, right);
}

/** The join of any number of descriptors; the empty descriptor for none. */
export function joinAll(descriptors: Iterable<Descriptor>): Descriptor {
  let result = EMPTY_DESCRIPTOR;
  for (const descriptor of descriptors) if (descriptor !== result) result = joinDescriptors(result, descriptor);
  return result;
}

/**
 * Combines the descriptors of the leaves of one argument (the strings inside an array of recipients, say).
 * Taint joins as usual, but positive attestations (`known`, `known:*`, `trusted`) are kept only when every
 * leaf has them: one grounded recipient must not vouch for an invented one beside it.
 */
export function combineLeaves(leaves: readonly Descriptor[]): Descriptor {
  if (leaves.length === 0) return EMPTY_DESCRIPTOR;
  const joined = joinAll(leaves);
  if (!joined.taint.some(isPositiveLabel)) return joined;
  const keep = (label: Label) => !isPositiveLabel(label) || leaves.every((leaf) => leaf.labels.includes(label));
  if (joined.taint.every(keep)) return joined;
  return makeDescriptor({
    labels: joined.labels.filter(keep),
    taint: joined.taint.filter(keep),
    sources: joined.sources,
  });
}

/** The descriptor without operation labels (`op:*`), which never propagate to an operation's outputs. */
export function withoutOperationLabels(descriptor: Descriptor): Descriptor {
  const keep = (label: Label) => !isOperationLabel(label);
  if (descriptor.taint.every(keep)) return internOf(descriptor);
  return makeDescriptor({
    labels: descriptor.labels.filter(keep),
    taint: descriptor.taint.filter(keep),
    sources: descriptor.sources,
  });
}
