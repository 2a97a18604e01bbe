import type { LedgerRecord } from './ledger-record.js';

/** The latest signature of one template name, as the ledger recorded it, with its last verification. */
export interface SignedEntry {
  readonly name: string;
  /** The template's SHA-256 (`templateHash` in the record: `hash` is the record's own). */
  readonly hash: string;
  readonly signedBy: string;
  readonly signedAt: string;
  readonly keyId: string;
  readonly seq: number;
  readonly lastVerify?: { readonly verified: boolean; readonly ts: string; readonly seq: number; readonly reason?: string };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The templates signed in this ledger: the latest `sign` record of each name and the last `verify` after it.
 *
 * @example
 * ```ts
 * listSigned(records).map((entry) => `${entry.name} ${entry.signedBy}`);
 * ```
 */
export function listSigned(records: readonly LedgerRecord[]): readonly SignedEntry[] {
  const byName = new Map<string, SignedEntry>();
  for (const record of records) {
    const name = text(record['name']);
    if (record.type === 'sign' && name !== '') {
      byName.set(name, { name, hash: text(record['templateHash']), signedBy: text(record['signedBy']), signedAt: record.ts, keyId: text(record['keyId']), seq: record.seq });
    } else if (record.type === 'verify' && byName.has(name)) {
      const reason = text(record['reason']);
      const lastVerify = { verified: record['verified'] === true, ts: record.ts, seq: record.seq, ...(reason === '' ? {} : { reason }) };
      byName.set(name, { ...(byName.get(name) as SignedEntry), lastVerify });
    }
  }
  return [...byName.values()];
}
