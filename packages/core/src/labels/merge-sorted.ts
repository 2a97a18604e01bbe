/**
 * The sorted union of two arrays that are each sorted (by UTF-16 code unit) and free of repeats. When the union
 * is one of the inputs, that input itself is returned, so callers can tell "nothing new" by identity; the
 * inputs must therefore be arrays the caller may share (frozen parts of interned descriptors).
 */
export function mergeSorted(a: readonly string[], b: readonly string[]): readonly string[] {
  if (b.length === 0 || a === b) return a;
  if (a.length === 0) return b;
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  // A join usually adds a handful of labels to a long list: searching for each of them costs log(n) comparisons
  // where a full merge would compare every element of the long list.
  if (short.length * 8 <= long.length) return insertInto(long, short);
  return mergeBoth(a, b);
}

function lowerBound(sorted: readonly string[], value: string, from: number): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function insertInto(long: readonly string[], short: readonly string[]): readonly string[] {
  const positions: number[] = [];
  const added: string[] = [];
  let from = 0;
  for (const value of short) {
    from = lowerBound(long, value, from);
    if (long[from] === value) continue;
    positions.push(from);
    added.push(value);
  }
  if (added.length === 0) return long;
  // A copy plus a few splices moves memory in bulk; element by element pushes cost several times more. The copy
  // is a spread: V8 (Node 20) has no fast path for `slice` of a frozen array and takes 100 times longer.
  if (added.length <= 16) {
    const result = [...long];
    for (let index = added.length - 1; index >= 0; index -= 1) result.splice(positions[index] as number, 0, added[index] as string);
    return result;
  }
  const result: string[] = [];
  let copied = 0;
  for (let index = 0; index < added.length; index += 1) {
    const position = positions[index] as number;
    while (copied < position) result.push(long[copied++] as string);
    result.push(added[index] as string);
  }
  while (copied < long.length) result.push(long[copied++] as string);
  return result;
}

function mergeBoth(a: readonly string[], b: readonly string[]): readonly string[] {
  const result: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i] as string;
    const right = b[j] as string;
    if (left === right) {
      result.push(left);
      i += 1;
      j += 1;
    } else if (left < right) {
      result.push(left);
      i += 1;
    } else {
      result.push(right);
      j += 1;
    }
  }
  while (i < a.length) result.push(a[i++] as string);
  while (j < b.length) result.push(b[j++] as string);
  if (result.length === a.length) return a;
  if (result.length === b.length) return b;
  return result;
}
