import type { LedgerRecord } from './ledger-record.js';

/** One privileged label change: labels removed (and possibly added) by a privileged guard. */
export interface BlessedEntry {
  readonly seq: number;
  readonly ts: string;
  readonly sessionId: string;
  /** What was relabelled: `<toolCallId>:<argument>` or `tool-result:<toolCallId>`. */
  readonly target: string;
  readonly add: readonly string[];
  readonly remove: readonly string[];
  /** `guard:<name>`. */
  readonly by: string;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/**
 * Every `bless` record: the label removals a privileged guard made (removing `untrusted`, say), the
 * decisions an auditor should look at first.
 *
 * @example
 * ```ts
 * for (const entry of listBlessed(records)) console.log(entry.target, entry.remove, entry.by);
 * ```
 */
export function listBlessed(records: readonly LedgerRecord[]): readonly BlessedEntry[] {
  return records
    .filter((record) => record.type === 'bless')
    .map((record) => ({
      seq: record.seq,
      ts: record.ts,
      sessionId: record.sessionId,
      target: typeof record['target'] === 'string' ? record['target'] : '',
      add: strings(record['add']),
      remove: strings(record['remove']),
      by: typeof record['by'] === 'string' ? record['by'] : '',
    }));
}
