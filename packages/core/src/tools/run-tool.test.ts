import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineGuard } from '../guards/index.js';
import { createSession } from '../session/create-session.js';
import type { LabelflowTool } from './labelflow-tool.js';
import { refusedCall, requirePrepared } from './refused-call.js';
import { runTool } from './run-tool.js';

// A minimal ready-made tool: it echoes `text`, and refuses `text: 'no'` when prepared.
const ECHO: LabelflowTool<{ text: string }, string, { text: string }> = {
  name: 'echo',
  description: 'Echo a text.',
  inputSchema: z.strictObject({ text: z.string() }),
  metadata: { labels: [] },
  prepare(args) {
    const text = (args as { text?: unknown } | null)?.text;
    if (typeof text !== 'string' || text === 'no') return refusedCall({ reason: 'not an acceptable text', metadata: { labels: [] } });
    return { metadata: { labels: [], output: { labels: ['trusted'] } }, operation: {}, summary: `echoes ${text}`, facts: { text } };
  },
  async execute(args, { prepared }) {
    return `${requirePrepared('echo', prepared).text}:${String(args['text'])}`;
  },
};

describe('runTool', () => {
  it('should prepare, decide and execute a call, returning the prepared call with the outcome', async () => {
    const session = createSession({ policy: {} });
    const outcome = await runTool({ session, tool: ECHO, toolCallId: 'call_1', args: { text: 'hi' } });
    expect(outcome).toMatchObject({ type: 'executed', result: 'hi:hi', prepared: { summary: 'echoes hi' } });
    expect(session.tools.history.map((entry) => [entry.toolCallId, entry.decision])).toEqual([['call_1', 'allow']]);
  });

  it('should let the session deny a refused call, and record the decision', async () => {
    const session = createSession({ policy: {} });
    const outcome = await runTool({ session, tool: ECHO, toolCallId: 'call_2', args: { text: 'no' } });
    expect(outcome).toMatchObject({ type: 'denied', result: { error: 'policy_denied', rule: 'capabilities.danger' }, prepared: { refusal: 'not an acceptable text' } });
    expect(session.tools.history.map((entry) => entry.decision)).toEqual(['deny']);
  });

  it('should refuse arguments that are not an object', async () => {
    const session = createSession({ policy: {} });
    expect((await runTool({ session, tool: ECHO, toolCallId: 'call_3', args: 'hi' })).type).toBe('denied');
    expect((await runTool({ session, tool: ECHO, toolCallId: 'call_4', args: [1] })).type).toBe('denied');
  });

  it('should pass guard bypass options to the session', async () => {
    const session = createSession({ policy: {}, allowGuardBypass: false, guards: [defineGuard({ name: 'x', before: () => undefined })] });
    expect((await runTool({ session, tool: ECHO, toolCallId: 'call_5', args: { text: 'hi' }, guards: { except: ['x'] } })).type).toBe('denied');
  });
});
