import { describe, expect, it } from 'vitest';
import { inputFromArgs, toolCallInput } from './tool-call-input.js';

describe('toolCallInput', () => {
  it('should check an object input argument by argument, and send metadata only when there is some', () => {
    expect(toolCallInput({ toolName: 'send', toolCallId: 'c1', input: { to: 'a@b.io' }, metadata: undefined })).toEqual({ toolName: 'send', toolCallId: 'c1', args: { to: 'a@b.io' } });
    expect(toolCallInput({ toolName: 'send', toolCallId: 'c1', input: {}, metadata: { labels: [] } })).toMatchObject({ metadata: { labels: [] } });
  });

  it.each([['a string', 'rm -rf /'], ['an array', ['a', 'b']], ['null', null]])('should check %s input whole, as the argument `input`', (_, input) => {
    const call = toolCallInput({ toolName: 'run', toolCallId: 'c1', input, metadata: undefined });
    expect(call.args).toEqual({ input });
    expect(inputFromArgs(input, call.args)).toEqual(input);
  });
});
