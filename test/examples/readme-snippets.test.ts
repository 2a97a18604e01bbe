import { describe, expect, it } from 'vitest';
import { runLangChainReadme, runVercelReadme } from '../../examples/readme-snippets.js';

// The README's snippets, run with each framework's mock model obeying an injected email.
describe('README snippets', () => {
  it.each([
    ['Vercel AI SDK', runVercelReadme],
    ['LangChain', runLangChainReadme],
  ])('should block the injected recipient and send the summary with %s', async (_, run) => {
    const outcome = await run();
    expect(outcome.sent).toEqual(['rita@corp.io']);
    expect(outcome.finalText).toBe('Summary sent to Rita.');
  });
});
