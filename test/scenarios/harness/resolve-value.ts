import type { ModelViewMessage } from './agent-driver.js';
import { readJson } from './read-json.js';
import type { ResultRef, ScriptCall, ScriptValue, TextConcat } from './scenario-types.js';

/** What a reference resolves to when the result it names was never seen: the model has to guess. */
export const UNRESOLVED = '(unknown)';

function isRef(value: ScriptValue): value is ResultRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, '$ref');
}

function isConcat(value: ScriptValue): value is TextConcat {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, '$concat');
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function latestResult(messages: readonly ModelViewMessage[], tool: string): unknown {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.role === 'tool' && message.toolName === tool && message.status === 'ok') return readJson(message.content);
  }
  return undefined;
}

/** Reads a dot path; `*` maps over an array (or an object's values), so the result is a list. */
export function readPath(value: unknown, path: string): unknown {
  const segments = path === '' ? [] : path.split('.');
  let current: unknown = value;
  for (const [index, segment] of segments.entries()) {
    if (current === null || typeof current !== 'object') return undefined;
    if (segment === '*') {
      const rest = segments.slice(index + 1).join('.');
      const items = Array.isArray(current) ? current : Object.values(current);
      return items.map((item) => readPath(item, rest)).filter((item) => item !== undefined);
    }
    current = Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
  }
  return current;
}

/**
 * Resolves a scripted value against the conversation: literals stay as they are, and a `$ref` reads the
 * latest successful result of its tool as the model saw it (so a redacted secret resolves to its handle).
 *
 * @example
 * ```ts
 * resolveValue({ $ref: { tool: 'create_file', path: 'id' } }, messages); // '31'
 * ```
 */
export function resolveValue(value: ScriptValue, messages: readonly ModelViewMessage[]): unknown {
  if (isRef(value)) {
    const found = readPath(latestResult(messages, value.$ref.tool), value.$ref.path);
    if (found === undefined) return UNRESOLVED;
    if (value.$ref.join !== undefined && Array.isArray(found)) return found.map(asText).join(value.$ref.join);
    return found;
  }
  if (isConcat(value)) return value.$concat.map((part) => asText(resolveValue(part, messages))).join('');
  if (Array.isArray(value)) return value.map((item: ScriptValue) => resolveValue(item, messages));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, ScriptValue>)) out[key] = resolveValue(item, messages);
    return out;
  }
  return value;
}

/** Resolves every argument of a scripted call. */
export function resolveArgs(call: ScriptCall, messages: readonly ModelViewMessage[]): Record<string, unknown> {
  return resolveValue(call.args, messages) as Record<string, unknown>;
}
