import type { DecisionCode } from '../evaluate/decision.js';
import type { Label } from '../labels/label.js';

interface EventBase {
  readonly sessionId: string;
  /** The scope path: `[]` for the session itself, one entry per nested scope. */
  readonly scope: readonly string[];
  readonly seq: number;
  readonly ts: number;
}

/** A decision as events carry it: everything but the free text. */
export interface DecisionSummary {
  readonly type: 'allow' | 'deny' | 'require-approval';
  readonly code: DecisionCode;
  readonly ruleIds: readonly string[];
  readonly reasons: readonly string[];
}

/**
 * Everything a session does, as typed events. Arguments and results appear only as SHA-256 digests, so no secret
 * value ever reaches a subscriber through an event.
 */
export type SessionEvent =
  | (EventBase & { readonly type: 'session-start'; readonly layers: number })
  | (EventBase & { readonly type: 'session-end' })
  | (EventBase & {
      readonly type: 'model-call';
      readonly fragments: number;
      readonly contextLabels: readonly Label[];
      readonly influenced: boolean;
    })
  | (EventBase & {
      readonly type: 'decision';
      readonly toolCallId: string;
      readonly tool: string;
      readonly decision: DecisionSummary;
      readonly argLabels: Readonly<Record<string, readonly Label[]>>;
      readonly argDigests: Readonly<Record<string, string>>;
      /** Per argument, the fragments (prompt parts, tool results) its leaves were found in. */
      readonly argFragments: Readonly<Record<string, readonly string[]>>;
      readonly controlArgs: readonly string[];
      readonly guards: readonly string[];
      readonly liftedBy?: string;
    })
  | (EventBase & {
      readonly type: 'tool-call';
      readonly toolCallId: string;
      readonly tool: string;
      readonly status: 'ok' | 'error';
      readonly durationMs: number;
      readonly argDigests: Readonly<Record<string, string>>;
    })
  | (EventBase & {
      readonly type: 'tool-result';
      readonly toolCallId: string;
      readonly tool: string;
      readonly labels: readonly Label[];
      readonly taint: readonly Label[];
      readonly digest: string;
      readonly redacted: number;
    })
  | (EventBase & {
      readonly type: 'label';
      readonly target: string;
      readonly labels: readonly Label[];
      readonly by: string;
    })
  | (EventBase & {
      readonly type: 'bless';
      readonly target: string;
      readonly add: readonly Label[];
      readonly remove: readonly Label[];
      readonly by: string;
    })
  | (EventBase & {
      readonly type: 'conflict';
      readonly target: string;
      readonly labels: readonly Label[];
      readonly resolved: 'untrusted';
      readonly by: string;
    })
  | (EventBase & {
      readonly type: 'approval';
      readonly toolCallId: string;
      readonly tool: string;
      readonly approvalId: string;
      readonly approved: boolean;
      readonly by: 'callback' | 'grant';
    });

/** The type of one event. */
export type SessionEventType = SessionEvent['type'];

type Distribute<E> = E extends unknown ? Omit<E, 'sessionId' | 'scope' | 'seq' | 'ts'> : never;
/** An event before the session stamps it with its id, scope, sequence number and time. */
export type SessionEventInput = Distribute<SessionEvent>;

/** Receives every event of a session (and of its scopes). A listener that throws never affects the run. */
export type SessionListener = (event: SessionEvent) => void;
