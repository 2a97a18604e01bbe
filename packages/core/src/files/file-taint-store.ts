import { isPositiveLabel, type Label } from '../labels/label.js';
import type { Session } from '../session/create-session.js';

/**
 * Remembers, per session, the labels of the data each file was written from, so that reading the file later
 * brings them back (file taint round trip). Keys are absolute paths with symbolic links resolved.
 */
export interface FileTaintStore {
  /** Records what a file now holds: `replace` for a whole-file write, `join` when content may have been added. */
  record(session: Session, path: string, labels: readonly Label[], how?: 'replace' | 'join'): void;
  /** The labels recorded for a file in this session (none for a file it never wrote). */
  labelsOf(session: Session, path: string): readonly Label[];
  /** Drops a session's records (done automatically when the session ends). */
  forget(sessionId: string): void;
}

/**
 * Creates a file taint store. The ready-made tools share one by default (`defaultFileTaintStore`); pass your
 * own to `shellTool` and `fileTools` to keep them apart. Sessions never see each other's records: the store
 * is keyed by session id, and a session's records go when it ends.
 *
 * @example
 * ```ts
 * const taint = createFileTaintStore();
 * const tools = { shell: shellTool({ taint }), ...fileTools({ taint }) };
 * ```
 */
export function createFileTaintStore(): FileTaintStore {
  const sessions = new Map<string, Map<string, readonly Label[]>>();
  const store: FileTaintStore = {
    record(session, path, labels, how = 'replace') {
      let files = sessions.get(session.id);
      if (files === undefined) {
        files = new Map();
        sessions.set(session.id, files);
        session.subscribe((event) => {
          if (event.type === 'session-end' && event.scope.length === 0) store.forget(event.sessionId);
        });
      }
      const kept = labels.filter((label) => !isPositiveLabel(label) && !label.startsWith('op:'));
      const before = how === 'join' ? (files.get(path) ?? []) : [];
      files.set(path, Object.freeze([...new Set([...before, ...kept])]));
    },
    labelsOf(session, path) {
      return sessions.get(session.id)?.get(path) ?? [];
    },
    forget(sessionId) {
      sessions.delete(sessionId);
    },
  };
  return store;
}

/** The store the ready-made tools use unless given one. */
export const defaultFileTaintStore: FileTaintStore = createFileTaintStore();

/**
 * The labels of the data a tool call carried, as the session decided it: the union of its arguments' labels,
 * without attestations (`known`, `trusted`) or operation labels. What a file written by the call is tainted with.
 *
 * @example
 * ```ts
 * callTaint(getSession(), toolCallId); // ['untrusted', 'src:tool:fetch_page', 'influenced', 'llm']
 * ```
 */
export function callTaint(session: Session, toolCallId: string): readonly Label[] {
  const entry = session.tools.history.findLast((item) => item.toolCallId === toolCallId);
  return (entry?.labels ?? []).filter((label) => !isPositiveLabel(label) && !label.startsWith('op:'));
}
