export { AuditWriteError } from './audit-write-error.js';
export { auditGuard } from './audit-guard.js';
export {
  createAuditLedger,
  type AuditLedger,
  type AuditLedgerOptions,
  type AuditMode,
  type Subscribable,
} from './create-audit-ledger.js';
export { createFileLedgerStore, DEFAULT_LEDGER_PATH, type FileLedgerStoreOptions } from './file-ledger-store.js';
export { createMemoryLedgerStore, type MemoryLedgerStore } from './memory-ledger-store.js';
export { ledgerHistory, type HistoryFilter } from './ledger-history.js';
export {
  formatRecordLine,
  GENESIS_HASH,
  hashRecord,
  LEDGER_DOMAIN,
  makeRecord,
  parseRecordLine,
  type JsonValue,
  type LedgerEntry,
  type LedgerRecord,
} from './ledger-record.js';
export type { LedgerContents, LedgerProbe, LedgerRepair, LedgerStore, LedgerTail } from './ledger-store.js';
export { listBlessed, type BlessedEntry } from './list-blessed.js';
export { listSigned, type SignedEntry } from './list-signed.js';
export { createOtelListener, type OtelApiLike, type OtelListener, type OtelListenerOptions, type OtelSpanLike } from './otel-listener.js';
export { readLedger, type LedgerRecords, type LedgerSource } from './read-ledger.js';
export { safeFragmentId, sessionEventEntry } from './session-event-entry.js';
export { ensureStateDir, STATE_DIR } from './state-dir.js';
export { verifyLedger, type LedgerFailureCode, type LedgerVerification } from './verify-ledger.js';
export { whyToolCall, type WhyArgument, type WhyReport, type WhySource } from './why-tool-call.js';
export { buildProvenanceGraph, type ProvenanceGraph, type ProvenanceNode, type ProvenanceEdge } from './build-provenance-graph.js';
export { renderAuditReport, type AuditReportOptions } from './render-audit-report.js';
