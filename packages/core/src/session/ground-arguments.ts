import type { ContentIndex, Grounding } from '../grounding/index.js';
import { joinAll, makeDescriptor, type Descriptor } from '../labels/descriptor.js';
import { extractUrls } from '../text/index.js';
import { combineDistinct } from './combine-distinct.js';
import type { ArgumentInput, UrlInput } from '../evaluate/tool-call-request.js';
import type { SecretVault } from './secret-vault.js';

const MAX_DEPTH = 32;
const MAX_LEAVES = 10_000;

/** What grounding needs from the session. */
export interface GroundingSources {
  readonly index: ContentIndex;
  readonly vault: SecretVault;
  /** The descriptor a model-made (novel) value gets: `llm`, plus `influenced` when the context is untrusted. */
  readonly novel: Descriptor;
  /**
   * Lookups already made while grounding this call, by value: the same address in `to` and `cc`, or a URL that is
   * a whole argument, is looked up once. Only for one call: the index grows between calls.
   */
  readonly lookups?: Map<Leaf, Grounding>;
}

/** An argument with its grounded descriptor, ready for `evaluate`. */
export interface GroundedArgument extends ArgumentInput {
  readonly descriptor: Descriptor;
  /** Fragment ids the argument's leaves were found in (for explaining a decision). */
  readonly fragmentIds: readonly string[];
}

type Leaf = string | number | boolean;

function lookup(leaf: Leaf, sources: GroundingSources): Grounding {
  const cached = sources.lookups?.get(leaf);
  if (cached !== undefined) return cached;
  const grounding = sources.index.lookup(leaf);
  sources.lookups?.set(leaf, grounding);
  return grounding;
}

/** A walk over an argument's leaves. */
interface LeafWalk {
  readonly leaves: Leaf[];
  complete: boolean;
  readonly seen: WeakSet<object>;
}

function walkLeaves(item: unknown, depth: number, walk: LeafWalk): void {
  if (walk.leaves.length >= MAX_LEAVES) {
    walk.complete = false;
    return;
  }
  if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
    walk.leaves.push(item);
    return;
  }
  if (item === null || item === undefined) return;
  if (typeof item !== 'object' || depth >= MAX_DEPTH || walk.seen.has(item)) {
    walk.complete = false;
    return;
  }
  walk.seen.add(item);
  const children = Array.isArray(item) ? item : Object.keys(item).map((key) => (item as Record<string, unknown>)[key]);
  for (const child of children) walkLeaves(child, depth + 1, walk);
}

function collectLeaves(value: unknown): { leaves: Leaf[]; complete: boolean } {
  // Most arguments are one string or number: no walk, no set of visited objects.
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { leaves: [value], complete: true };
  const walk: LeafWalk = { leaves: [], complete: true, seen: new WeakSet() };
  walkLeaves(value, 0, walk);
  return walk;
}

function groundLeaf(leaf: Leaf, sources: GroundingSources, fragmentIds: Set<string>): Descriptor {
  const parts: Descriptor[] = [];
  if (typeof leaf === 'string') parts.push(...sources.vault.secretsIn(leaf));
  const grounding = lookup(leaf, sources);
  if (grounding.type === 'novel') {
    parts.push(sources.novel);
  } else {
    parts.push(grounding.descriptor);
    for (const id of grounding.fragmentIds) fragmentIds.add(id);
  }
  if (parts.length === 1) return parts[0] as Descriptor;
  // A secret inside a grounded value keeps the grounding's attestation but adds `secret`.
  return joinAll(parts);
}

/**
 * Grounds one tool-call argument against the session's content index (DESIGN §4): each leaf is looked up as a
 * whole value; secrets are detected by handle, verbatim and encoded; every URL is grounded on its own. The
 * argument's descriptor combines its leaves (attestations only when every leaf has them).
 *
 * @example
 * ```ts
 * const grounded = groundArgument('rita@corp.io', { index, vault, novel });
 * grounded.labels; // ['known', 'trusted'] when the user typed the address
 * ```
 */
export function groundArgument(value: unknown, sources: GroundingSources): GroundedArgument {
  const fragmentIds = new Set<string>();
  const { leaves, complete } = collectLeaves(value);
  const descriptors = leaves.map((leaf) => groundLeaf(leaf, sources, fragmentIds));
  // Fail closed: a structure too deep or too large to read whole counts as model-made, never as grounded.
  if (!complete) descriptors.push(sources.novel);
  const descriptor = descriptors.length === 0 ? sources.novel : combineDistinct(descriptors);
  const urls: UrlInput[] = [];
  for (const leaf of leaves) {
    if (typeof leaf !== 'string') continue;
    for (const url of extractUrls(leaf)) {
      const grounding = lookup(url, sources);
      const labels = grounding.type === 'novel' ? [] : grounding.descriptor.taint;
      urls.push({ url, labels });
    }
  }
  return {
    value,
    labels: descriptor.labels,
    taint: descriptor.taint,
    sources: descriptor.sources,
    urls,
    descriptor,
    fragmentIds: [...fragmentIds],
  };
}

const MODEL_MADE = makeDescriptor({ labels: ['llm'] });
const MODEL_MADE_INFLUENCED = makeDescriptor({ labels: ['llm', 'influenced'] });

/** The descriptor of a value nobody grounded: the model made it. */
export function novelDescriptor(influenced: boolean): Descriptor {
  return influenced ? MODEL_MADE_INFLUENCED : MODEL_MADE;
}
