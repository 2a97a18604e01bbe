import type { LedgerRecord } from './ledger-record.js';

/** Which records `ledgerHistory` returns. Every field narrows; none given returns every record. */
export interface HistoryFilter {
  readonly sessionId?: string;
  /** A record type or several (`decision`, `tool-call`, `sign`…). */
  readonly type?: string | readonly string[];
  /** Records about this tool. */
  readonly tool?: string;
  readonly toolCallId?: string;
  /** Only the last `limit` matching records. */
  readonly limit?: number;
}

/**
 * The records that match a filter, oldest first.
 *
 * @example
 * ```ts
 * ledgerHistory(records, { sessionId: 's1', type: ['decision', 'tool-call'], limit: 20 });
 * ```
 */
export function ledgerHistory(records: readonly LedgerRecord[], { sessionId, type, tool, toolCallId, limit }: HistoryFilter = {}): readonly LedgerRecord[] {
  const types = type === undefined ? undefined : new Set(typeof type === 'string' ? [type] : type);
  const matching = records.filter(
    (record) =>
      (sessionId === undefined || record.sessionId === sessionId) &&
      (types === undefined || types.has(record.type)) &&
      (tool === undefined || record['tool'] === tool) &&
      (toolCallId === undefined || record['toolCallId'] === toolCallId),
  );
  return limit === undefined ? matching : matching.slice(Math.max(0, matching.length - limit));
}
