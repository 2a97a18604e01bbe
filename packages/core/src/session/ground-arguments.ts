import type { ContentIndex } from '../grounding/index.js';
import { combineLeaves, joinAll, makeDescriptor, type Descriptor } from '../labels/descriptor.js';
import { extractUrls } from '../text/index.js';
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
}

/** An argument with its grounded descriptor, ready for `evaluate`. */
export interface GroundedArgument extends ArgumentInput {
  readonly descriptor: Descriptor;
  /** Fragment ids the argument's leaves were found in (for explaining a decision). */
  readonly fragmentIds: readonly string[];
}

type Leaf = string | number | boolean;

function collectLeaves(value: unknown): { leaves: Leaf[]; complete: boolean } {
  const leaves: Leaf[] = [];
  let complete = true;
  const seen = new WeakSet<object>();
  const walk = (item: unknown, depth: number) => {
    if (leaves.length >= MAX_LEAVES) {
      complete = false;
      return;
    }
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
      leaves.push(item);
      return;
    }
    if (item === null || item === undefined) return;
    if (typeof item !== 'object' || depth >= MAX_DEPTH || seen.has(item)) {
      complete = false;
      return;
    }
    seen.add(item);
    const children = Array.isArray(item) ? item : Object.keys(item).map((key) => (item as Record<string, unknown>)[key]);
    for (const child of children) walk(child, depth + 1);
  };
  walk(value, 0);
  return { leaves, complete };
}

function groundLeaf(leaf: Leaf, sources: GroundingSources, fragmentIds: Set<string>): Descriptor {
  const parts: Descriptor[] = [];
  if (typeof leaf === 'string') parts.push(...sources.vault.secretsIn(leaf));
  const grounding = sources.index.lookup(leaf);
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
  const descriptor = descriptors.length === 0 ? sources.novel : combineLeaves(descriptors);
  const urls: UrlInput[] = [];
  for (const leaf of leaves) {
    if (typeof leaf !== 'string') continue;
    for (const url of extractUrls(leaf)) {
      const grounding = sources.index.lookup(url);
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

/** The descriptor of a value nobody grounded: the model made it. */
export function novelDescriptor(influenced: boolean): Descriptor {
  return makeDescriptor({ labels: influenced ? ['llm', 'influenced'] : ['llm'] });
}
