import type { Descriptor } from './descriptor.js';
import { mergeSorted } from './merge-sorted.js';
import { setHash, unionSetHash } from './set-hash.js';

type Bucket = WeakRef<Descriptor> | WeakRef<Descriptor>[];

// Keyed by a hash of the parts rather than by a string of them: building and hashing such a string cost time
// in proportion to every label, and V8 hashes strings over 16,383 characters by their length alone, which put
// all big descriptors in one bucket. Descriptors are held weakly; a bucket loses an entry once it is collected.
const table = new Map<number, Bucket>();
const registry = new FinalizationRegistry<number>((hash) => {
  const bucket = table.get(hash);
  if (bucket === undefined) return;
  const live = (Array.isArray(bucket) ? bucket : [bucket]).filter((ref) => ref.deref() !== undefined);
  if (live.length === 0) table.delete(hash);
  else table.set(hash, live.length === 1 ? (live[0] as WeakRef<Descriptor>) : live);
});
let nextId = 0;

class Passthrough {
  constructor(target: object) {
    return target;
  }
}

// Bookkeeping lives in private fields stamped onto the descriptor itself: a WeakMap entry per descriptor cost
// more than the rest of interning together, and private fields stay invisible to Object.keys, Reflect.ownKeys,
// JSON and deep equality, so a descriptor still looks like a plain frozen object with three parts.
class Interned extends Passthrough {
  readonly #id = nextId++;
  readonly #hashes: readonly [number, number, number];
  #joins: WeakMap<Descriptor, Descriptor> | undefined = undefined;

  constructor(target: Descriptor, hashes: readonly [number, number, number]) {
    super(target);
    this.#hashes = hashes;
  }

  static is(value: object): value is Descriptor {
    return #id in value;
  }

  static hashes(descriptor: Descriptor): readonly [number, number, number] {
    return (descriptor as unknown as Interned).#hashes;
  }

  static joins(a: Descriptor, b: Descriptor): [WeakMap<Descriptor, Descriptor>, Descriptor] {
    const [first, second] = (a as unknown as Interned).#id < (b as unknown as Interned).#id ? [a, b] : [b, a];
    const stamped = first as unknown as Interned;
    stamped.#joins ??= new WeakMap();
    return [stamped.#joins, second];
  }
}

const combine = (hashes: readonly [number, number, number]) => (Math.imul(hashes[0], 31) ^ Math.imul(hashes[1], 0x9e3779b1) ^ hashes[2]) & 0x3fffffff;

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

function find(hash: number, labels: readonly string[], taint: readonly string[], sources: readonly string[]): Descriptor | undefined {
  const bucket = table.get(hash);
  if (bucket === undefined) return undefined;
  for (const ref of Array.isArray(bucket) ? bucket : [bucket]) {
    const candidate = ref.deref();
    if (candidate !== undefined && sameStrings(candidate.sources, sources) && sameStrings(candidate.labels, labels) && sameStrings(candidate.taint, taint)) return candidate;
  }
  return undefined;
}

function intern(labels: readonly string[], taint: readonly string[], sources: readonly string[], hashes: readonly [number, number, number]): Descriptor {
  const hash = combine(hashes);
  const existing = find(hash, labels, taint, sources);
  if (existing !== undefined) return existing;
  const descriptor: Descriptor = { labels: Object.freeze(labels), taint: Object.freeze(taint), sources: Object.freeze(sources) };
  new Interned(descriptor, hashes);
  Object.freeze(descriptor);
  const ref = new WeakRef(descriptor);
  const bucket = table.get(hash);
  table.set(hash, bucket === undefined ? ref : Array.isArray(bucket) ? [...bucket, ref] : [bucket, ref]);
  registry.register(descriptor, hash);
  return descriptor;
}

/**
 * The interned descriptor with these parts, made if there is none. The parts must already be sorted, unique,
 * with labels inside taint, and owned by the caller: they are frozen in place.
 */
export function internDescriptor(labels: readonly string[], taint: readonly string[], sources: readonly string[]): Descriptor {
  return intern(labels, taint, sources, [setHash(labels), setHash(taint), setHash(sources)]);
}

/** True for a descriptor that came out of the intern table (not a plain object with the same parts). */
export function isInterned(value: object): value is Descriptor {
  return Interned.is(value);
}

function joinPart(a: readonly string[], aHash: number, b: readonly string[], bHash: number): [readonly string[], number] {
  const merged = mergeSorted(a, b);
  if (merged === a) return [a, aHash];
  if (merged === b) return [b, bHash];
  return [merged, a.length >= b.length ? unionSetHash(a, aHash, b) : unionSetHash(b, bHash, a)];
}

/**
 * The interned join of two distinct interned descriptors, cached by identity. Their parts are sorted and
 * unique, so they merge in linear time (or less) and the hashes of the union come from the hashes of the inputs.
 */
export function joinInterned(left: Descriptor, right: Descriptor): Descriptor {
  const [joins, partner] = Interned.joins(left, right);
  const cached = joins.get(partner);
  if (cached !== undefined) return cached;
  const [leftLabels, leftTaint, leftSources] = Interned.hashes(left);
  const [rightLabels, rightTaint, rightSources] = Interned.hashes(right);
  const [labels, labelsHash] = joinPart(left.labels, leftLabels, right.labels, rightLabels);
  const [taint, taintHash] = joinPart(left.taint, leftTaint, right.taint, rightTaint);
  const [sources, sourcesHash] = joinPart(left.sources, leftSources, right.sources, rightSources);
  const joined =
    labels === left.labels && taint === left.taint && sources === left.sources
      ? left
      : labels === right.labels && taint === right.taint && sources === right.sources
        ? right
        : intern(labels, taint, sources, [labelsHash, taintHash, sourcesHash]);
  joins.set(partner, joined);
  return joined;
}
