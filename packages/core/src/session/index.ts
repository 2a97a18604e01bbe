export { createSession, type ScopeOptions, type Session } from './create-session.js';
export { getSession, tryGetSession } from './get-session.js';
export { deniedResult } from './run-tool-call.js';
export { canonicalJson, digestValue } from './digest.js';
export { createSecretVault, type SecretVault } from './secret-vault.js';
export { resolveCredential, type CredentialProvider, type CredentialReference, type CredentialResolution } from './resolve-credential.js';
export type { ToolResultInput } from './record-tool-result.js';
export type { DecisionSummary, SessionEvent, SessionEventType, SessionListener } from './session-event.js';
export type {
  ApprovalHandler,
  AuditSink,
  ApprovalRequest,
  ModelCallRecord,
  PolicyDeniedResult,
  PromptPart,
  SessionOptions,
  ToolCallCheck,
  ToolCallInput,
  ToolCallOutcome,
  ToolExecutor,
  ToolHistoryEntry,
  ToolResultRecord,
} from './session-types.js';
