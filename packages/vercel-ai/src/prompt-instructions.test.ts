import { describe, expect, it } from 'vitest';
import { promptInstructions } from './prompt-instructions.js';

describe('promptInstructions', () => {
  it('should join every system message, and have none for a prompt without one', () => {
    const user = { role: 'user' as const, content: [{ type: 'text' as const, text: 'hi' }] };
    expect(promptInstructions([{ role: 'system', content: 'Be brief.' }, user, { role: 'system', content: 'Answer in French.' }])).toBe('Be brief.\n\nAnswer in French.');
    expect(promptInstructions([user])).toBeUndefined();
    expect(promptInstructions([{ role: 'system', content: '' }, user])).toBeUndefined();
  });
});
