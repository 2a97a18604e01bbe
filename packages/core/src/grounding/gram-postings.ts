/**
 * Postings keyed by 32-bit gram hashes: for each key, how many postings it has and a linked list of them
 * (newest first), each a word position (`field`, `offset`) and the length of the gram ending there
 * (`level`). Everything lives in growable typed arrays: a posting costs 13 bytes and no object.
 */
export interface GramPostings {
  /** The slot of `key`, or -1 when nothing was posted under it. Valid until the next `slotFor`. */
  find(key: number): number;
  /** The slot of `key`, created when missing. Valid until the next `slotFor`. */
  slotFor(key: number): number;
  /** Makes room for about `keys` more keys and `postings` more postings, so a large text grows nothing twice. */
  reserve(keys: number, postings: number): void;
  /** Adds a posting under the key of `slot`; returns the posting's id. */
  push(slot: number, field: number, offset: number, level: number): number;
  /** The key of a slot. */
  key(slot: number): number;
  /** How many postings the slot holds (0 for slot -1). */
  count(slot: number): number;
  /** The slot's newest posting, or -1 (also for slot -1). */
  first(slot: number): number;
  /** The posting added before `posting` under the same slot, or -1. */
  next(posting: number): number;
  field(posting: number): number;
  offset(posting: number): number;
  level(posting: number): number;
}

const MAX_LOAD = 0.5;
const MIN_RESERVE = 64;
// Shared, never written: every array is replaced by a real one before its first write.
const NO_INTS = new Int32Array(0);
const NO_BYTES = new Uint8Array(0);

/**
 * Creates an empty multimap of postings: an open-addressing hash table (linear probing; keys are already
 * well-mixed hashes) from key to count and newest posting.
 *
 * @example
 * ```ts
 * const postings = createGramPostings();
 * const slot = postings.slotFor(42);
 * postings.push(slot, 0, 17, 1);
 * postings.count(postings.find(42)); // 1
 * ```
 */
export function createGramPostings(): GramPostings {
  return new HashedPostings();
}

// A class, not closures: a session makes indexes it may never fill, and its methods are then shared.
class HashedPostings implements GramPostings {
  // Slot `s` is `table[3s]` (key), `table[3s + 1]` (count, 0 when free), `table[3s + 2]` (newest posting): one
  // probe reads one place in memory. Nothing is allocated before the first posting.
  private table = NO_INTS;
  private mask = -1;
  private used = 0;
  // Posting `p` is `postings[3p]` (field), `postings[3p + 1]` (offset), `postings[3p + 2]` (next), and
  // `levels[p]`.
  private postings = NO_INTS;
  private levels = NO_BYTES;
  private size = 0;

  find(key: number): number {
    if (this.used === 0) return -1;
    const { table, mask } = this;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      if (table[slot * 3 + 1] === 0) return -1;
      if (table[slot * 3] === key) return slot;
    }
  }

  slotFor(key: number): number {
    if (this.mask === -1) this.allocate(MIN_RESERVE, MIN_RESERVE);
    else if (this.used + 1 > (this.mask + 1) * MAX_LOAD) this.rehash();
    const { table, mask } = this;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      if (table[slot * 3 + 1] === 0) {
        table[slot * 3] = key;
        table[slot * 3 + 2] = -1;
        this.used += 1;
        return slot;
      }
      if (table[slot * 3] === key) return slot;
    }
  }

  push(slot: number, field: number, offset: number, level: number): number {
    if (this.size === this.levels.length) this.grow();
    const { table, size, postings } = this;
    postings[size * 3] = field;
    postings[size * 3 + 1] = offset;
    postings[size * 3 + 2] = table[slot * 3 + 2] as number;
    this.levels[size] = level;
    table[slot * 3 + 2] = size;
    table[slot * 3 + 1] = (table[slot * 3 + 1] as number) + 1;
    this.size = size + 1;
    return size;
  }

  key(slot: number): number {
    return this.table[slot * 3] as number;
  }

  count(slot: number): number {
    return slot < 0 ? 0 : (this.table[slot * 3 + 1] as number);
  }

  first(slot: number): number {
    return slot < 0 || this.table[slot * 3 + 1] === 0 ? -1 : (this.table[slot * 3 + 2] as number);
  }

  next(posting: number): number {
    return this.postings[posting * 3 + 2] as number;
  }

  field(posting: number): number {
    return this.postings[posting * 3] as number;
  }

  offset(posting: number): number {
    return this.postings[posting * 3 + 1] as number;
  }

  level(posting: number): number {
    return this.levels[posting] as number;
  }

  reserve(keys: number, postings: number): void {
    const wantedKeys = Math.max(MIN_RESERVE, Math.ceil(keys));
    const wantedPostings = Math.max(MIN_RESERVE, Math.ceil(postings));
    if (this.mask === -1) {
      this.allocate(wantedKeys, wantedPostings);
      return;
    }
    let slots = this.mask + 1;
    while (this.used + wantedKeys > slots * MAX_LOAD) slots *= 2;
    if (slots > this.mask + 1) this.rehash(slots);
    if (this.size + wantedPostings > this.levels.length) this.grow(this.size + wantedPostings);
  }

  // The first table and postings share one buffer: allocating a buffer costs far more than its bytes, and a
  // session makes several indexes that each hold a few fragments.
  private allocate(keys: number, postings: number): void {
    let slots = MIN_RESERVE * 2;
    while (slots * MAX_LOAD < keys) slots *= 2;
    const buffer = new ArrayBuffer(slots * 12 + postings * 13);
    this.table = new Int32Array(buffer, 0, slots * 3);
    this.postings = new Int32Array(buffer, slots * 12, postings * 3);
    this.levels = new Uint8Array(buffer, slots * 12 + postings * 12, postings);
    this.mask = slots - 1;
  }

  // A slot with a count of 0 is free; slotFor makes its count 1 at once through push.
  private rehash(capacity = (this.mask + 1) * 2): void {
    const old = this.table;
    const table = new Int32Array(capacity * 3);
    const mask = capacity - 1;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 1] === 0) continue;
      let slot = (old[at] as number) & mask;
      while (table[slot * 3 + 1] !== 0) slot = (slot + 1) & mask;
      table[slot * 3] = old[at] as number;
      table[slot * 3 + 1] = old[at + 1] as number;
      table[slot * 3 + 2] = old[at + 2] as number;
    }
    this.table = table;
    this.mask = mask;
  }

  // Half again, not double: at a million fragments the postings are the bulk of the index.
  private grow(atLeast = 0): void {
    const capacity = Math.max(atLeast, Math.ceil(this.levels.length * 1.5));
    this.postings = copy(this.postings, new Int32Array(capacity * 3));
    this.levels = copy(this.levels, new Uint8Array(capacity));
  }
}

function copy<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
