/** FNV-1a over UTF-16 code units: a cheap 32-bit hash for one label or source. */
function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index += 1) hash = Math.imul(hash ^ value.charCodeAt(index), 0x01000193);
  return hash;
}

/**
 * An order-free 32-bit hash of a set of strings: the sum of their hashes. Being a sum, the hash of a union can
 * be had from the hash of the larger side plus the hashes of what the smaller side adds, without reading the
 * larger side again.
 */
export function setHash(values: readonly string[]): number {
  let hash = 0;
  for (const value of values) hash = (hash + hashString(value)) | 0;
  return hash;
}

/** The {@link setHash} of `long ∪ short`, given the hash of `long`; both sorted and free of repeats. */
export function unionSetHash(long: readonly string[], longHash: number, short: readonly string[]): number {
  let hash = longHash;
  let from = 0;
  for (const value of short) {
    let high = long.length;
    while (from < high) {
      const middle = (from + high) >>> 1;
      if ((long[middle] as string) < value) from = middle + 1;
      else high = middle;
    }
    if (long[from] !== value) hash = (hash + hashString(value)) | 0;
  }
  return hash;
}
