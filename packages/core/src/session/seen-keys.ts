/** The key prefix of a tool call's result fragment: `tool-result:<toolCallId>`. */
export const TOOL_RESULT_PREFIX = 'tool-result:';

/**
 * The keys of the fragments a scope has indexed (each is indexed once), plus, for `tool-result:<id>` keys, the
 * ids alone: a prompt's tool parts are checked by call id on every model call, and building and hashing a
 * `tool-result:<id>` string per part per call made that linear in the prompt with a large constant.
 */
export interface SeenKeys {
  has(key: string): boolean;
  add(key: string): void;
  /** The same answer as `has(`tool-result:${toolCallId}`)`, without building the key. */
  hasToolResult(toolCallId: string): boolean;
}

/**
 * Creates an empty set of keys.
 *
 * @example
 * ```ts
 * const keys = createSeenKeys();
 * keys.add('tool-result:call_1');
 * keys.hasToolResult('call_1'); // true
 * ```
 */
export function createSeenKeys(): SeenKeys {
  const keys = new Set<string>();
  const toolResults = new Set<string>();
  return {
    has: (key) => keys.has(key),
    add(key) {
      keys.add(key);
      // Every key goes through here, so the id set holds exactly the `tool-result:` keys, whatever added them.
      if (key.startsWith(TOOL_RESULT_PREFIX)) toolResults.add(key.slice(TOOL_RESULT_PREFIX.length));
    },
    hasToolResult: (toolCallId) => toolResults.has(toolCallId),
  };
}
