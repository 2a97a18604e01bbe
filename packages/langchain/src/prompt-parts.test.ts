import { AIMessage, HumanMessage, SystemMessage, ToolMessage, ChatMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { newPromptParts } from './prompt-parts.js';
import { newAdapterState } from './session-adapter-state.js';

function state() {
  return newAdapterState({ describedTools: new Set() });
}

describe('newPromptParts', () => {
  it('should map message types to roles, with stable keys, and leave out the model’s own messages', () => {
    const parts = newPromptParts({
      system: new SystemMessage('Be careful.'),
      messages: [
        new HumanMessage({ content: 'hi', id: 'h1' }),
        new AIMessage({ content: [{ type: 'text', text: 'calling' }], id: 'a1' }),
        new ToolMessage({ content: 'result', tool_call_id: 'call-1', id: 't1' }),
      ],
      state: state(),
    });

    expect(parts).toEqual([
      { key: 'system:Be careful.', role: 'system', content: 'Be careful.' },
      { key: 'human:h1', role: 'user', content: 'hi' },
      { key: 'tool:call-1', role: 'tool', content: 'result', toolCallId: 'call-1' },
    ]);
  });

  it('should return each message once across steps', () => {
    const seen = state();
    const first = new HumanMessage({ content: 'hi', id: 'h1' });

    expect(newPromptParts({ messages: [first], state: seen })).toHaveLength(1);
    expect(newPromptParts({ messages: [first, new HumanMessage({ content: 'and now?', id: 'h2' })], state: seen }).map((part) => part.key)).toEqual(['human:h2']);
    expect(newPromptParts({ messages: [first], state: seen })).toEqual([]);
  });

  it('should key a message without an id by its content', () => {
    const seen = state();
    const message = new HumanMessage('no id here');

    expect(newPromptParts({ messages: [message], state: seen })).toEqual([{ key: 'human#no id here', role: 'user', content: 'no id here' }]);
    expect(newPromptParts({ messages: [message], state: seen })).toEqual([]);
  });

  it('should treat a message of unknown origin as an unrecorded tool result, never as the user', () => {
    const [part] = newPromptParts({ messages: [new ChatMessage({ content: 'from somewhere', role: 'narrator', id: 'c1' })], state: state() });

    expect(part?.role).toBe('tool');
    expect(part?.toolCallId).toBeUndefined();
  });

  it('should skip the error results of calls labelflow refused', () => {
    const seen = state();
    seen.refused.add('call-9');

    expect(newPromptParts({ messages: [new ToolMessage({ content: '{"error":"policy_denied"}', tool_call_id: 'call-9', status: 'error' })], state: seen })).toEqual([]);
  });
});
