import { createSession } from '@labelflow/core';
import { HumanMessage, ToolMessage } from '@langchain/core/messages';
import { Command } from '@langchain/langgraph';
import { describe, expect, it } from 'vitest';
import { recordableOutput, withModelResult } from './tool-output.js';

const KEY = 'sk-live-51HxQ2bT9zLmN4';

async function recorded(output: unknown, metadata?: { output: { secretPaths: string[] } }) {
  const session = createSession({ policy: {} });
  session.secret(KEY);
  const outcome = await session.runToolCall({ toolName: 'get_config', toolCallId: 'c1', args: {}, metadata: metadata ?? { labels: [] } }, () => recordableOutput(output));
  if (outcome.type !== 'executed') throw new Error(outcome.type);
  return withModelResult(output, { recorded: recordableOutput(output), record: outcome.record, redact: (value) => session.redact(value) });
}

describe('recordableOutput', () => {
  it('should read a ToolMessage’s content, structured when it is JSON', () => {
    expect(recordableOutput(new ToolMessage({ content: '{"a":1}', tool_call_id: 'c' }))).toEqual({ a: 1 });
    expect(recordableOutput(new ToolMessage({ content: 'text', tool_call_id: 'c' }))).toBe('text');
    expect(recordableOutput({ raw: true })).toEqual({ raw: true });
  });
});

describe('withModelResult', () => {
  it('should put the redacted content back in a labelled ToolMessage', async () => {
    const output = new ToolMessage({ content: JSON.stringify({ apiKey: 'other', note: `key ${KEY}` }), tool_call_id: 'c1', name: 'get_config', artifact: { raw: 1 } });

    const message = (await recorded(output)) as ToolMessage;

    expect(JSON.parse(message.content as string)).toEqual({ apiKey: 'other', note: 'key «secret:1»' });
    expect([message.tool_call_id, message.name, message.artifact]).toEqual(['c1', 'get_config', { raw: 1 }]);
    expect(message.response_metadata['labelflow']).toMatchObject({ redacted: 1 });
  });

  it('should apply secretPaths to structured content', async () => {
    const output = new ToolMessage({ content: JSON.stringify({ apiKey: 'tok-123456789', region: 'eu' }), tool_call_id: 'c1' });

    const message = (await recorded(output, { output: { secretPaths: ['apiKey'] } })) as ToolMessage;

    expect(JSON.parse(message.content as string)).toEqual({ apiKey: '«secret:2»', region: 'eu' });
  });

  it('should keep the tool’s own formatting when nothing changed', async () => {
    const output = new ToolMessage({ content: '{ "region": "eu" }', tool_call_id: 'c1' });

    expect(((await recorded(output)) as ToolMessage).content).toBe('{ "region": "eu" }');
  });

  it('should redact the messages of a Command in place', async () => {
    const command = new Command({ update: { messages: [new ToolMessage({ content: `key ${KEY}`, tool_call_id: 'c1' }), new HumanMessage(`also ${KEY}`)] } });

    const result = (await recorded(command)) as typeof command;

    const messages = (result.update as { messages: { content: string }[] }).messages;
    expect(messages.map((message) => message.content)).toEqual(['key «secret:1»', 'also «secret:1»']);
  });

  it('should return a plain value as the model result', async () => {
    expect(await recorded({ note: KEY })).toEqual({ note: '«secret:1»' });
  });
});
