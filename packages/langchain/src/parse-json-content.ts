import { z } from 'zod';

const JSON_VALUE = z.json();

/**
 * The structured value behind a tool's text output, when the text is a JSON object or array (LangChain's
 * `ToolNode` stringifies objects a tool returns). The engine needs the structure to apply a tool's
 * `output.secretPaths` and `untrustedPaths`. Anything else, including malformed JSON, gives `undefined`.
 *
 * @example
 * ```ts
 * parseJsonContent('{"apiKey":"sk-1"}'); // { apiKey: 'sk-1' }
 * parseJsonContent('plain text');        // undefined
 * ```
 */
export function parseJsonContent(text: string): unknown {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  // zod behind every JSON.parse: the value must be plain JSON data before the engine walks it. The parsed value
  // itself is kept, not zod's copy, which drops a `__proto__` key: what the engine redacts must be all the model reads.
  if (!JSON_VALUE.safeParse(parsed).success) return undefined;
  return parsed !== null && typeof parsed === 'object' ? parsed : undefined;
}
