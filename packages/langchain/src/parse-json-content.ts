import { z } from 'zod';

// Only the top level is checked: JSON.parse cannot produce anything but JSON data below it, and a deep schema
// (`z.json()`) would walk every value of a 100 KB result for nothing.
const JSON_STRUCTURE = z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]);

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
  // The parsed value itself is kept, not zod's copy, which drops a `__proto__` key: what the engine redacts must be
  // all the model reads.
  return JSON_STRUCTURE.safeParse(parsed).success ? parsed : undefined;
}
