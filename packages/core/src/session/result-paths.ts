// Paths into tool results, as tools declare them in `output.untrustedPaths` and `output.secretPaths`: dot-separated
// keys, `*` for any key or index. A path applied to an array applies to each element, so `body` covers every
// mail in `[{ from, body }, …]`.

const MAX_DEPTH = 32;

function split(path: string): string[] {
  return path.split('.').filter((segment) => segment.length > 0);
}

function children(value: unknown, segment: string): [string | number, unknown][] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) {
    if (segment === '*') return value.map((item, index) => [index, item]);
    const index = Number(segment);
    return Number.isInteger(index) && index >= 0 && index < value.length ? [[index, value[index]]] : [];
  }
  if (segment === '*') return Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  return Object.hasOwn(value, segment) ? [[segment, (value as Record<string, unknown>)[segment]]] : [];
}

/** Every value at `path` inside `value` (arrays at the root or on the way are walked element by element). */
export function valuesAtPath(value: unknown, path: string): unknown[] {
  const found: unknown[] = [];
  const walk = (item: unknown, segments: readonly string[], depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (segments.length === 0) {
      found.push(item);
      return;
    }
    if (Array.isArray(item) && segments[0] !== '*' && !/^\d+$/u.test(segments[0] as string)) {
      for (const element of item) walk(element, segments, depth + 1);
      return;
    }
    for (const [, child] of children(item, segments[0] as string)) walk(child, segments.slice(1), depth + 1);
  };
  walk(value, split(path), 0);
  return found;
}

/** A copy of `value` with every value at the given paths replaced by `replacement`. */
export function replaceAtPaths(value: unknown, paths: readonly string[], replacement: (old: unknown) => unknown): unknown {
  const parsed = paths.map(split);
  const walk = (item: unknown, active: readonly (readonly string[])[], depth: number): unknown => {
    if (active.some((segments) => segments.length === 0)) return replacement(item);
    if (item === null || typeof item !== 'object' || depth > MAX_DEPTH) return item;
    if (Array.isArray(item)) {
      return item.map((element, index) => {
        const next = active.flatMap((segments) => {
          const [head, ...rest] = segments as [string, ...string[]];
          if (head === '*' || head === String(index)) return [rest];
          return /^\d+$/u.test(head) ? [] : [segments];
        });
        return next.length === 0 ? element : walk(element, next, depth + 1);
      });
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(item)) {
      const next = active.flatMap((segments) => {
        const [head, ...rest] = segments as [string, ...string[]];
        return head === '*' || head === key ? [rest] : [];
      });
      const child = (item as Record<string, unknown>)[key];
      Object.defineProperty(out, key, { value: next.length === 0 ? child : walk(child, next, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return paths.length === 0 ? value : walk(value, parsed, 0);
}
