import type { LedgerRecord } from '../audit/ledger-record.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));
const list = (value: unknown): string => (Array.isArray(value) ? value.map(text).join(', ') : '');
const short = (hash: unknown): string => text(hash).replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/u, '$1…');

function detail(record: LedgerRecord): string {
  const call = `${text(record['tool'])} (${text(record['toolCallId'])})`;
  const decision = record['decision'] as { type?: unknown; ruleIds?: unknown } | undefined;
  switch (record.type) {
    case 'decision': {
      const type = text(decision?.type);
      const rules = list(decision?.ruleIds);
      return `${call}: ${type === 'deny' ? 'DENY' : type}${rules === '' ? '' : ` [${rules}]`}`;
    }
    case 'tool-call':
      return `${call}: ${text(record['status'])} ${typeof record['durationMs'] === 'number' ? `${record['durationMs'].toFixed(1)}ms` : ''}`.trimEnd();
    case 'tool-result':
      return `${call}: ${list(record['labels']) || '(no labels)'}${typeof record['redacted'] === 'number' && record['redacted'] > 0 ? `, ${record['redacted']} secret(s) redacted` : ''}`;
    case 'model-call':
      return `context: ${list(record['contextLabels']) || '(none)'}${record['influenced'] === true ? '; output influenced' : ''}`;
    case 'label':
      return `${text(record['target'])} +${list(record['labels'])} by ${text(record['by'])}`;
    case 'bless':
      return `${text(record['target'])} -${list(record['remove'])}${list(record['add']) === '' ? '' : ` +${list(record['add'])}`} by ${text(record['by'])}`;
    case 'conflict':
      return `${text(record['target'])} ${list(record['labels'])} → ${text(record['resolved'])} by ${text(record['by'])}`;
    case 'approval':
      return `${call}: ${record['approved'] === true ? 'approved' : 'refused'} by ${text(record['by'])}`;
    case 'sign':
      return `${text(record['name'])} by ${text(record['signedBy'])} ${short(record['templateHash'])}`;
    case 'verify':
      return `${text(record['name'])}: ${record['verified'] === true ? 'verified' : `FAILED (${text(record['reason'])})`} by ${text(record['by'])}`;
    case 'repair':
      return `dropped ${text(record['droppedBytes'])} bytes of an unfinished record ${short(record['droppedDigest'])}`;
    default:
      return '';
  }
}

/** One record as one line for `audit tail` and `audit history`. */
export function formatRecord(record: LedgerRecord): string {
  return `#${record.seq} ${record.ts} ${record.sessionId} ${record.type} ${detail(record)}`.trimEnd();
}
