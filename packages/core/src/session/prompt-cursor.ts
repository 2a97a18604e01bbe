import type { PromptPart } from './session-types.js';

/**
 * The prompt a scope's previous model call was given, as each part's role, key and tool call id. Frameworks hand
 * over the whole conversation on every step; the parts it starts with were all indexed (or skipped as seen) by an
 * earlier call, and keys are never forgotten, so a part equal in those three fields to the one at the same place
 * last time needs no lookup at all. Comparing them costs a few pointer comparisons per part when the caller
 * gives the same objects again, instead of hashing a key per part.
 */
export interface PromptCursor {
  /** How many leading parts have the role, key and tool call id the previous call's parts had at their place. */
  matched(parts: readonly PromptPart[]): number;
  /** Remembers a prompt whose every part has been indexed or found seen; `from` parts are already remembered. */
  remember(parts: readonly PromptPart[], from: number): void;
}

/**
 * Creates a cursor that remembers nothing yet.
 *
 * @example
 * ```ts
 * const cursor = createPromptCursor();
 * cursor.remember(parts, 0);
 * cursor.matched([...parts, next]); // parts.length
 * ```
 */
export function createPromptCursor(): PromptCursor {
  const roles: string[] = [];
  const keys: string[] = [];
  const ids: (string | undefined)[] = [];
  return {
    matched(parts) {
      const length = Math.min(parts.length, keys.length);
      let index = 0;
      for (; index < length; index += 1) {
        const part = parts[index] as PromptPart;
        // A part without a key is keyed at registration (a user message by a digest of its text), so its own
        // key is never among the seen keys: it always takes the full path.
        if (part.key === undefined || part.key === null) break;
        if (part.key !== keys[index] || part.role !== roles[index] || part.toolCallId !== ids[index]) break;
      }
      return index;
    },
    remember(parts, from) {
      roles.length = parts.length;
      keys.length = parts.length;
      ids.length = parts.length;
      for (let index = from; index < parts.length; index += 1) {
        const part = parts[index] as PromptPart;
        roles[index] = part.role;
        keys[index] = part.key;
        ids[index] = part.toolCallId;
      }
    },
  };
}
