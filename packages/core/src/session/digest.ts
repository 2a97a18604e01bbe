import { createHash } from 'node:crypto';

/** Serialises a value as canonical JSON: sorted keys, no undefined, cycles and exotic values replaced. */
export function canonicalJson(value: unknown): string {
  // Ancestors only: an object shared by two fields is not a cycle and must be serialised both times.
  const ancestors = new Set<object>();
  const walk = (item: unknown): unknown => {
    if (item === null || typeof item === 'string' || typeof item === 'boolean') return item;
    if (typeof item === 'number') return Number.isFinite(item) ? item : String(item);
    if (typeof item === 'bigint') return `${item.toString()}n`;
    if (typeof item !== 'object') return item === undefined ? null : `[${typeof item}]`;
    if (ancestors.has(item)) return '[cycle]';
    ancestors.add(item);
    let out: unknown;
    if (Array.isArray(item)) out = item.map(walk);
    else {
      const record: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(item).sort()) {
        const child = (item as Record<string, unknown>)[key];
        if (child !== undefined) record[key] = walk(child);
      }
      out = record;
    }
    ancestors.delete(item);
    return out;
  };
  return JSON.stringify(walk(value)) ?? 'null';
}

/**
 * A SHA-256 digest of a value's canonical JSON, prefixed `sha256:`. Events and the audit trail carry
 * digests instead of values so that no secret ever appears in them.
 *
 * @example
 * ```ts
 * digestValue({ b: 1, a: 2 }) === digestValue({ a: 2, b: 1 }); // true
 * ```
 */
export function digestValue(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}
