import { z } from 'zod';

const JSON_VALUE = z.json();

/**
 * Reads what a tool message carries as data: objects pass through; text that is JSON is parsed (and checked by
 * zod, as every parse of untrusted text is); any other text stays text.
 */
export function readJson(content: unknown): unknown {
  if (typeof content !== 'string') return content;
  const trimmed = content.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return content;
  try {
    const parsed = JSON_VALUE.safeParse(JSON.parse(content));
    return parsed.success ? parsed.data : content;
  } catch {
    return content;
  }
}
