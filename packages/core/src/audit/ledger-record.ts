import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../session/digest.js';

/** The `prev` of a ledger's first record. */
export const GENESIS_HASH = `sha256:${'0'.repeat(64)}`;

/** Domain tag hashed with every record, so a record hash can never be confused with any other SHA-256. */
export const LEDGER_DOMAIN = 'labelflow-audit-v1';

/** A JSON value, as a record holds it. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * One line of the audit ledger. `seq` counts from 1 with no gaps; `prev` is the previous record's `hash`
 * (`GENESIS_HASH` for the first); `hash` covers every other field. The remaining fields depend on `type`.
 */
export interface LedgerRecord {
  readonly seq: number;
  /** ISO 8601 time. */
  readonly ts: string;
  readonly sessionId: string;
  readonly type: string;
  readonly prev: string;
  readonly hash: string;
  readonly [field: string]: JsonValue | undefined;
}

/** A record before the ledger numbers, links and hashes it. */
export interface LedgerEntry {
  readonly type: string;
  readonly sessionId: string;
  /** Defaults to now. */
  readonly ts?: Date | number | string;
  readonly [field: string]: unknown;
}

const HASH = /^sha256:[0-9a-f]{64}$/u;

/** The fields every record has. Other fields pass through (they are covered by the hash). */
export const ledgerRecordSchema = z.looseObject({
  seq: z.int().min(1),
  ts: z.string(),
  sessionId: z.string(),
  type: z.string().min(1),
  prev: z.string().regex(HASH),
  hash: z.string().regex(HASH),
});

/** Fields a record may not set through an entry: the ledger owns them. */
const RESERVED = new Set(['seq', 'ts', 'sessionId', 'type', 'prev', 'hash']);

/**
 * Copies a value into plain JSON: sorted-key objects without prototypes, `undefined` dropped, non-finite numbers
 * and exotic values as strings. Unlike a global "seen" set, only a real cycle (an ancestor) is cut, so a label
 * array shared by two arguments is kept in both places.
 */
export function toJsonValue(value: unknown, ancestors: object[] = []): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return `${value.toString()}n`;
  if (value === undefined) return null;
  if (typeof value !== 'object') return `[${typeof value}]`;
  if (value instanceof Date) return value.toISOString();
  if (ancestors.includes(value)) return '[cycle]';
  const path = [...ancestors, value];
  if (Array.isArray(value)) return value.map((item: unknown) => toJsonValue(item, path));
  const out: Record<string, JsonValue> = Object.create(null) as Record<string, JsonValue>;
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) out[key] = toJsonValue(child, path);
  }
  return out;
}

/** The SHA-256 of a record's canonical JSON (without `hash`), behind the domain tag. */
export function hashRecord(record: Readonly<Record<string, unknown>>): string {
  const body: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(record)) if (key !== 'hash') body[key] = record[key];
  return `sha256:${createHash('sha256').update(canonicalJson([LEDGER_DOMAIN, body])).digest('hex')}`;
}

function isoTime(ts: LedgerEntry['ts']): string {
  const date = ts === undefined ? new Date() : new Date(ts);
  // A bad clock value must not stop the record being written; it is recorded as the epoch instead.
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

/**
 * Builds the next record after `tail`: numbered, linked and hashed. Fields named like the ledger's own
 * (`seq`, `prev`, `hash`…) in the entry's extra fields are ignored.
 */
export function makeRecord(entry: LedgerEntry, tail: { readonly seq: number; readonly hash: string } | undefined): LedgerRecord {
  const fields: Record<string, JsonValue> = Object.create(null) as Record<string, JsonValue>;
  for (const key of Object.keys(entry)) {
    const value = entry[key];
    if (!RESERVED.has(key) && value !== undefined) fields[key] = toJsonValue(value);
  }
  const base = {
    seq: (tail?.seq ?? 0) + 1,
    ts: isoTime(entry.ts),
    sessionId: String(entry.sessionId),
    type: String(entry.type),
    ...fields,
    prev: tail?.hash ?? GENESIS_HASH,
  };
  return { ...base, hash: hashRecord(base) } as LedgerRecord;
}

/** One record as a JSON line: the ledger's own fields first for people reading it, the hash last. */
export function formatRecordLine(record: LedgerRecord): string {
  const { seq, ts, sessionId, type, prev, hash, ...rest } = record;
  // No prototype, so a field named `__proto__` is written as data like any other.
  const ordered: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, { seq, ts, sessionId, type });
  for (const key of Object.keys(rest).sort()) ordered[key] = rest[key];
  ordered['prev'] = prev;
  ordered['hash'] = hash;
  return JSON.stringify(ordered);
}

/**
 * Parses one ledger line. Returns undefined for anything that is not a well-formed record (the hash is not
 * checked here: `verifyLedger` does that).
 */
export function parseRecordLine(line: string): LedgerRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
  // The raw value is returned once it is known to be well formed: zod's copy would drop keys such as
  // `__proto__` (an argument a model named so), and the record would then no longer match its hash.
  return ledgerRecordSchema.safeParse(value).success ? (value as LedgerRecord) : undefined;
}
