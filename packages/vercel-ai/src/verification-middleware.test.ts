import { verificationPrompt } from '@labelflow/core';
import { describe, expect, it } from 'vitest';
import type { ModelCallOptions } from './ai-sdk-types.js';
import { withoutTool, withVerificationPrompt } from './verification-middleware.js';

const USER = { role: 'user' as const, content: [{ type: 'text' as const, text: 'hi' }] };
const tool = (name: string) => ({ type: 'function' as const, name, inputSchema: { type: 'object' as const } });

describe('withVerificationPrompt', () => {
  it('should prepend the prompt to the first system message, or add one', () => {
    const params: ModelCallOptions = { prompt: [{ role: 'system', content: 'Audit.' }, USER, { role: 'system', content: 'Later.' }] };
    expect(withVerificationPrompt(params, ['auditor']).prompt.map((message) => message.content)).toEqual([`${verificationPrompt({ names: ['auditor'] })}\n\n---\n\nAudit.`, USER.content, 'Later.']);
    expect(withVerificationPrompt({ prompt: [USER] }, ['system']).prompt[0]).toEqual({ role: 'system', content: verificationPrompt({ names: ['system'] }) });
  });
});

describe('withoutTool', () => {
  it('should hide the tool and a tool choice that names it, and leave other calls as they are', () => {
    const params: ModelCallOptions = { prompt: [USER], tools: [tool('verify'), tool('publish')], toolChoice: { type: 'tool', toolName: 'verify' } };
    expect(withoutTool(params, 'verify')).toMatchObject({ tools: [tool('publish')], toolChoice: { type: 'auto' } });
    const other: ModelCallOptions = { prompt: [USER], tools: [tool('publish')] };
    expect(withoutTool(other, 'verify')).toBe(other);
  });
});
