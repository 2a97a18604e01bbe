import { AsyncLocalStorage } from 'node:async_hooks';

/** What the current async context knows: the session, and the tool call being executed, if any. */
export interface SessionFrame<S> {
  readonly session: S;
  readonly toolCall?: ToolCallFrame;
}

/** The tool call whose `execute` is running; a sub-agent scope inside it reports what it saw here. */
export interface ToolCallFrame {
  readonly toolCallId: string;
  readonly tool: string;
  /** Called by a child scope when it ends, with the labels of everything the sub-agent saw. */
  readonly reportSeen: (seen: DescriptorLike) => void;
  /** The call's arguments as the model wrote them, each with its grounded descriptor. */
  readonly inputs: readonly { readonly name: string; readonly content: string; readonly descriptor: DescriptorLike }[];
}

interface DescriptorLike {
  readonly labels: readonly string[];
  readonly taint: readonly string[];
  readonly sources: readonly string[];
}

const KEY = Symbol.for('labelflow.session-storage');

/**
 * The one AsyncLocalStorage that holds the current session. It lives on `globalThis` under a `Symbol.for` key,
 * so two installed copies of the package share it and a session started by one is visible to the other.
 */
export function sessionStorage<S>(): AsyncLocalStorage<SessionFrame<S>> {
  const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<SessionFrame<S>> | undefined>;
  let storage = holder[KEY];
  if (storage === undefined) {
    storage = new AsyncLocalStorage<SessionFrame<S>>();
    Object.defineProperty(holder, KEY, { value: storage, enumerable: false, configurable: false, writable: false });
  }
  return storage;
}
