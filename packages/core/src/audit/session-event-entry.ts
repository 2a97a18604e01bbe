import { createHash } from 'node:crypto';
import type { SessionEvent } from '../session/session-event.js';
import type { LedgerEntry } from './ledger-record.js';

/**
 * Fields each event type may bring into the ledger. An allow-list, not a deny-list: a field a future version of
 * the session adds stays out of the ledger until it is listed here, so nothing new can carry a value in by
 * accident. Every listed field holds labels, digests, ids, counts or rule text, never an argument or result.
 */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  'session-start': ['layers'],
  'session-end': [],
  'model-call': ['fragments', 'contextLabels', 'influenced', 'fragmentIds'],
  decision: ['toolCallId', 'tool', 'decision', 'argLabels', 'argDigests', 'argFragments', 'controlArgs', 'guards', 'liftedBy'],
  'tool-call': ['toolCallId', 'tool', 'status', 'durationMs', 'argDigests'],
  'tool-result': ['toolCallId', 'tool', 'labels', 'taint', 'digest', 'redacted'],
  label: ['target', 'labels', 'by'],
  bless: ['target', 'add', 'remove', 'by'],
  conflict: ['target', 'labels', 'resolved', 'by'],
  approval: ['toolCallId', 'tool', 'approvalId', 'approved', 'by'],
};

const SAFE_ID = /^(?:tool-result:[\w.:@/-]{1,200}|(?:app|input):[\w.-]{1,100})$/u;

/**
 * A fragment id as the ledger records it. Ids of tool results, app values and sub-agent inputs name no content
 * and are kept; any other id (a user message registered without a key is keyed by its own text) is replaced by
 * its kind and a short digest, so a secret the user typed never reaches the ledger through an id.
 *
 * @example
 * ```ts
 * safeFragmentId('tool-result:call_2'); // 'tool-result:call_2'
 * safeFragmentId('user:my password is hunter2'); // 'user#3f1b…' (16 hex digits)
 * ```
 */
export function safeFragmentId(id: string): string {
  if (SAFE_ID.test(id)) return id;
  const colon = id.indexOf(':');
  const prefix = colon > 0 && /^[a-z][a-z-]{0,19}$/u.test(id.slice(0, colon)) ? id.slice(0, colon) : 'fragment';
  return `${prefix}#${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}

function safeFragmentMap(value: unknown): Record<string, string[]> | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const out: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const name of Object.keys(value)) {
    const ids = (value as Record<string, unknown>)[name];
    out[name] = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string').map(safeFragmentId) : [];
  }
  return out;
}

/**
 * Turns a session event into a ledger entry: the session's id, the event's time, its scope and sequence number
 * (`eventSeq`; the ledger numbers records itself) and the allowed fields of its type.
 */
export function sessionEventEntry(event: SessionEvent): LedgerEntry {
  const source = event as unknown as Record<string, unknown>;
  const entry: Record<string, unknown> = { type: event.type, sessionId: event.sessionId, ts: event.ts, scope: event.scope, eventSeq: event.seq };
  for (const field of FIELDS[event.type] ?? []) {
    if (!Object.hasOwn(source, field) || source[field] === undefined) continue;
    if (field === 'argFragments') entry[field] = safeFragmentMap(source[field]);
    else if (field === 'fragmentIds') entry[field] = Array.isArray(source[field]) ? (source[field] as unknown[]).filter((id): id is string => typeof id === 'string').map(safeFragmentId) : [];
    else entry[field] = source[field];
  }
  return entry as LedgerEntry;
}
