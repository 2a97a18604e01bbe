import { combineLeaves, type Descriptor } from '../labels/descriptor.js';

/** A node of the cache: keyed by one more distinct leaf descriptor, in the order the leaves came. */
interface CombinedNode {
  readonly next: WeakMap<Descriptor, CombinedNode>;
  combined?: Descriptor;
}

// Weakly keyed all the way down: an entry lives only as long as every descriptor on its path.
const cache: CombinedNode = { next: new WeakMap() };

/**
 * `combineLeaves` of an argument's leaf descriptors, computed once per distinct list. Leaves found in the same
 * fragments share one interned descriptor, and combining it with itself changes nothing (a join is idempotent, and
 * an attestation every copy has is one every distinct leaf has), so duplicates are dropped first; a list of
 * recipients from one message then costs no join at all, and a mixed one (a recipient the user named beside one
 * from a mail) is combined once per run instead of once per call, as making a descriptor sorts and keys its labels.
 *
 * @example
 * ```ts
 * combineDistinct([USER, USER]) === combineLeaves([USER]); // true
 * ```
 */
export function combineDistinct(descriptors: readonly Descriptor[]): Descriptor {
  const distinct = [...new Set(descriptors)];
  if (distinct.length <= 1) return combineLeaves(distinct);
  let node = cache;
  for (const descriptor of distinct) {
    let next = node.next.get(descriptor);
    if (next === undefined) {
      next = { next: new WeakMap() };
      node.next.set(descriptor, next);
    }
    node = next;
  }
  node.combined ??= combineLeaves(distinct);
  return node.combined;
}
