import { describe, expect, it } from 'vitest';
import { insideLlmTool, runAsLlmTool } from './llm-tool-scope.js';

describe('runAsLlmTool', () => {
  it('should mark everything inside, across awaits, and nothing outside', async () => {
    expect(insideLlmTool()).toBe(false);
    const inside = await runAsLlmTool(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return insideLlmTool();
    });
    expect(inside).toBe(true);
    expect(insideLlmTool()).toBe(false);
  });
});
