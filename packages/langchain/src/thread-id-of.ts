/**
 * The LangGraph thread a node runs in, from its `configurable`: `thread_id`, when the graph is a top-level
 * graph. A graph nested in another one (an agent invoked inside a tool, or used as a subgraph) inherits its
 * parent's `thread_id` but is a different conversation, so it gets no thread here: its checkpoint namespace has
 * more than one level (`tools:<task>|model_request:<task>`).
 *
 * @example
 * ```ts
 * threadIdOf({ thread_id: 't-1', checkpoint_ns: 'model_request:abc' });          // 't-1'
 * threadIdOf({ thread_id: 't-1', checkpoint_ns: 'tools:abc|model_request:def' }); // undefined
 * ```
 */
export function threadIdOf(configurable: unknown): string | undefined {
  if (configurable === null || typeof configurable !== 'object') return undefined;
  const record = configurable as Record<string, unknown>;
  const threadId = Object.hasOwn(record, 'thread_id') ? record['thread_id'] : undefined;
  const namespace = Object.hasOwn(record, 'checkpoint_ns') ? record['checkpoint_ns'] : undefined;
  if (typeof namespace === 'string' && namespace.includes('|')) return undefined;
  if (typeof threadId === 'string' && threadId !== '') return threadId;
  return typeof threadId === 'number' ? String(threadId) : undefined;
}
