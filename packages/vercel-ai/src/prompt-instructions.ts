import type { ModelPrompt } from './ai-sdk-types.js';

/**
 * The instructions of a model call: the text of every system message, in order, joined by a blank line, or
 * `undefined` when there is none. All system messages count, not only leading ones: one added later in the
 * conversation (a `prepareStep` that rewrote the messages) is an instruction too, and must verify.
 *
 * @example
 * ```ts
 * promptInstructions([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: [...] }]); // 'Be brief.'
 * ```
 */
export function promptInstructions(prompt: ModelPrompt): string | undefined {
  const texts: string[] = [];
  for (const message of prompt) if (message.role === 'system' && message.content !== '') texts.push(message.content);
  return texts.length === 0 ? undefined : texts.join('\n\n');
}
