/**
 * A new array of the values, sorted as `Array.prototype.sort` sorts strings (by UTF-16 code unit) and without
 * repeats. The caller may freeze the result: it never shares storage with the input.
 */
export function sortedUnique(values: readonly string[]): string[] {
  if (!Array.isArray(values)) return [...new Set<string>(values)].sort();
  let sortedPrefix = 1;
  while (sortedPrefix < values.length && (values[sortedPrefix - 1] as string) < (values[sortedPrefix] as string)) sortedPrefix += 1;
  // Parts handed to makeDescriptor are usually short and often already sorted (a descriptor's own parts,
  // filtered): checking first avoids a Set and a sort on the hot path.
  // Spread, not `slice`: parts are often frozen arrays, which `slice` copies on a slow path in V8 (Node 20).
  if (sortedPrefix >= values.length) return [...values];
  if (values.length > 32) return [...new Set(values)].sort();
  const result: string[] = [];
  for (let index = 0; index < sortedPrefix; index += 1) result.push(values[index] as string);
  for (let index = sortedPrefix; index < values.length; index += 1) insertUnique(result, values[index] as string);
  return result;
}

function insertUnique(sorted: string[], value: string): void {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < value) low = middle + 1;
    else high = middle;
  }
  if (sorted[low] !== value) sorted.splice(low, 0, value);
}
