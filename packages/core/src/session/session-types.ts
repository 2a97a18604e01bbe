import type { Decision } from '../evaluate/decision.js';
import type { OperationInput } from '../evaluate/tool-call-request.js';
import type { Guard, GuardBypass } from '../guards/index.js';
import type { Descriptor } from '../labels/descriptor.js';
import type { Label } from '../labels/label.js';
import type { CompileOptions } from '../policy/compile-policy.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import type { Policy, ToolMetadata } from '../policy/policy-schema.js';
import type { CredentialProvider } from './resolve-credential.js';
import type { SessionListener } from './session-event.js';


/** What the session needs from an audit ledger. */
export interface AuditSink {
  readonly listener: SessionListener;
  readonly mode: 'enforce' | 'observe';
  checkWritable(): { readonly ok: true } | { readonly ok: false; readonly reason: string };
}

/** What a person (or a program standing in for one) is asked to approve. */
export interface ApprovalRequest {
  /** Binds the approval to this exact tool, these arguments and these labels. */
  readonly approvalId: string;
  readonly sessionId: string;
  readonly toolCallId: string;
  readonly tool: string;
  /** The arguments as the model sent them (secrets appear only as handles). */
  readonly args: Readonly<Record<string, unknown>>;
  readonly argLabels: Readonly<Record<string, readonly Label[]>>;
  readonly reasons: readonly string[];
}

/** Decides an approval request; `true` approves. May be slow (a person) and async. */
export type ApprovalHandler = (request: ApprovalRequest) => boolean | Promise<boolean>;

/** Options of `createSession`. */
export interface SessionOptions {
  /** The policy: an object, a compiled policy, or layers to compose. */
  readonly policy: Policy | CompiledPolicy | readonly (Policy | CompiledPolicy)[];
  /** Tool metadata given beside the tools (joined with the policy's `tools` and each call's metadata). */
  readonly tools?: Readonly<Record<string, ToolMetadata>>;
  readonly guards?: readonly Guard[];
  /** Decides `require-approval` calls. Without it, such calls come back as `approval-required`. */
  readonly onApproval?: ApprovalHandler;
  /** Resolves credentials that are not `env:` or `file:` references. */
  readonly credentials?: CredentialProvider;
  /** Environment used for `env:` credentials (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Set to false to refuse every per-call guard bypass. */
  readonly allowGuardBypass?: boolean;
  /** Labels of user messages (default `trusted`, `src:user`). */
  readonly userLabels?: readonly Label[];
  readonly id?: string;
  readonly onEvent?: SessionListener;
  /**
   * An audit ledger (`createAuditLedger`): it receives every event, and in its `enforce` mode a decision that
   * could not be written denies the call.
   */
  readonly audit?: AuditSink;
  readonly compile?: CompileOptions;
}

/** A tool call as the model made it. */
export interface ToolCallInput {
  readonly toolName: string;
  readonly toolCallId: string;
  readonly args: Readonly<Record<string, unknown>>;
  /** Metadata from the framework's tool definition (joined with the session's and the policy's). */
  readonly metadata?: ToolMetadata;
  readonly guards?: GuardBypass;
  /** What the call touches beyond its name (shell commands, files, hosts), for capability checks. */
  readonly operation?: OperationInput;
}

/** What the engine decided about a call, with what `execute` needs when it may run. */
export interface ToolCallCheck {
  readonly decision: Decision;
  /** Arguments to execute with: guard transforms applied and secret handles resolved. Only when allowed. */
  readonly args?: Readonly<Record<string, unknown>>;
  /** Resolved credentials by name, for tools that declare `auth`. Only when allowed. */
  readonly credentials?: Readonly<Record<string, string>>;
  /** Set when the call needs approval: grant it with `session.grantApproval(approvalId)`. */
  readonly approvalId?: string;
  readonly liftedBy?: string;
}

/** A tool's result as the engine labelled it. */
export interface ToolResultRecord {
  /** The result as the model may see it: secrets replaced by handles. */
  readonly modelResult: unknown;
  readonly descriptor: Descriptor;
  readonly redacted: number;
}

/** The readable result a model gets instead of a denied call. */
export interface PolicyDeniedResult {
  readonly error: 'policy_denied';
  readonly code: string;
  readonly rule: string;
  readonly reason: string;
}

/** The outcome of running a tool call through the engine. */
export type ToolCallOutcome =
  | { readonly type: 'executed'; readonly decision: Decision; readonly result: unknown; readonly record: ToolResultRecord }
  | { readonly type: 'denied'; readonly decision: Decision; readonly result: PolicyDeniedResult }
  | { readonly type: 'approval-required'; readonly decision: Decision; readonly approvalId: string }
  | { readonly type: 'failed'; readonly decision: Decision; readonly error: unknown };

/** Executes an allowed call. `credentials` holds the tool's resolved `auth`; they never pass through the model. */
export type ToolExecutor = (
  args: Readonly<Record<string, unknown>>,
  context: { readonly credentials: Readonly<Record<string, string>>; readonly toolCallId: string },
) => unknown;

/** One part of the prompt a model is about to see. `key` identifies it across steps so it is indexed once. */
export interface PromptPart {
  readonly key: string;
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly content: string;
  /** For tool results: the call it answers (a result already recorded by `recordToolResult` is not re-indexed). */
  readonly toolCallId?: string;
  /** For tool results: the tool's name, for the `src:tool:<name>` label of a result the session never recorded. */
  readonly toolName?: string;
}

/** What the model's output is labelled with. */
export interface ModelCallRecord {
  readonly context: Descriptor;
  readonly output: Descriptor;
  readonly influenced: boolean;
}

/** One entry of the run's tool history, as guards and limits read it. */
export interface ToolHistoryEntry {
  readonly tool: string;
  readonly toolCallId: string;
  readonly decision: Decision['type'];
  readonly labels: readonly Label[];
}
