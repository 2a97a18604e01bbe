/**
 * The text a model reads in a LangChain message's content: the string itself, or the text of its content blocks
 * joined by newlines. Images, files and other non-text blocks carry nothing a tool argument could be grounded
 * in, so they are left out.
 *
 * @example
 * ```ts
 * messageText('hi');                                             // 'hi'
 * messageText([{ type: 'text', text: 'a' }, { type: 'image_url', image_url: '…' }]); // 'a'
 * ```
 */
export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const texts: string[] = [];
  for (const block of content) {
    if (typeof block === 'string') texts.push(block);
    else if (block !== null && typeof block === 'object' && Object.hasOwn(block, 'text') && typeof (block as { text: unknown }).text === 'string') {
      texts.push((block as { text: string }).text);
    }
  }
  return texts.join('\n');
}
