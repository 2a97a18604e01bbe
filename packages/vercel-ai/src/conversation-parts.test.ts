import { generateText, isStepCount, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conversationParts, toolOutputText } from './conversation-parts.js';
import { scriptedModel, text, toolCall } from './testing/scripted-model.js';

/** The prompts the real SDK sends a model over a three-step run (no labelflow involved). */
async function realPrompts() {
  const model = scriptedModel([[toolCall('c1', 'lookup', { q: 'rita' })], [toolCall('c2', 'lookup', { q: 'bob' }), toolCall('c3', 'refused', {})], [text('done')]]);
  const lookup = tool({ inputSchema: z.object({ q: z.string() }), execute: async ({ q }) => ({ name: q, email: `${q}@corp.io` }) });
  const refused = tool({ inputSchema: z.object({}), execute: async () => 'never' });
  await generateText({
    model,
    tools: { lookup, refused },
    instructions: 'You are a helpful assistant.',
    prompt: 'Find Rita and Bob',
    stopWhen: isStepCount(5),
    toolApproval: ({ toolCall: call }) => (call.toolName === 'refused' ? { type: 'denied', reason: 'no' } : undefined),
  });
  return model.doGenerateCalls.map((call) => call.prompt);
}

describe('conversationParts', () => {
  it('should read system and user text and tool results, with stable keys, and skip the model output and refusals', async () => {
    const [, , third] = await realPrompts();
    const { parts } = conversationParts(third ?? [], { cursor: undefined, skip: () => false });
    expect(parts).toEqual([
      { key: 'system:You are a helpful assistant.', role: 'system', content: 'You are a helpful assistant.' },
      { key: 'user:Find Rita and Bob', role: 'user', content: 'Find Rita and Bob' },
      { key: 'tool-result:c1', role: 'tool', toolCallId: 'c1', toolName: 'lookup', content: '{"name":"rita","email":"rita@corp.io"}' },
      { key: 'tool-result:c2', role: 'tool', toolCallId: 'c2', toolName: 'lookup', content: '{"name":"bob","email":"bob@corp.io"}' },
    ]);
  });

  it('should resume from its cursor on the next step, reading only the new messages (and the instructions)', async () => {
    const [first, second, third] = await realPrompts();
    const step0 = conversationParts(first ?? [], { cursor: undefined, skip: () => false });
    const step1 = conversationParts(second ?? [], { cursor: step0.cursor, skip: () => false });
    const step2 = conversationParts(third ?? [], { cursor: step1.cursor, skip: (id) => id === 'c2' });
    expect(step1.parts.map((part) => part.key)).toEqual(['system:You are a helpful assistant.', 'tool-result:c1']);
    expect(step2.parts.map((part) => part.key)).toEqual(['system:You are a helpful assistant.']);
  });

  it('should read everything again when the conversation no longer starts the way the cursor remembers', async () => {
    const [, second] = await realPrompts();
    const { cursor } = conversationParts(second ?? [], { cursor: undefined, skip: () => false });
    const rewritten = [...(second ?? [])].slice(0, 2);
    expect(conversationParts(rewritten, { cursor, skip: () => false }).parts.map((part) => part.key)).toEqual(['system:You are a helpful assistant.', 'user:Find Rita and Bob']);
  });
});

describe('toolOutputText', () => {
  it.each([
    [{ type: 'text', value: 'plain' }, 'plain'],
    [{ type: 'json', value: { a: 1 } }, '{"a":1}'],
    [{ type: 'error-text', value: 'Error: upstream 500' }, 'Error: upstream 500'],
    [{ type: 'content', value: [{ type: 'text', text: 'one' }, { type: 'media', data: 'xx' }, { type: 'text', text: 'two' }] }, 'one\ntwo'],
    [{ type: 'execution-denied', reason: 'no' }, undefined],
    [{ type: 'something-new', value: 1 }, '{"type":"something-new","value":1}'],
  ])('should read %j as %j', (output, expected) => {
    expect(toolOutputText(output)).toBe(expected);
  });
});
