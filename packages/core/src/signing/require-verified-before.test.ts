import { describe, expect, it } from 'vitest';
import { createSession } from '../session/create-session.js';
import { requireVerifiedBefore } from './require-verified-before.js';

const TOOLS = { verify: { labels: [] }, publish: { labels: [] }, read_doc: { labels: [] } };

describe('requireVerifiedBefore', () => {
  it('should ask the model to verify before a named tool, and let it run after verify ran', async () => {
    const session = createSession({ policy: {}, tools: TOOLS, guards: [requireVerifiedBefore(['publish'])] });
    const early = await session.runToolCall({ toolName: 'publish', toolCallId: 'p1', args: {} }, () => 'published');
    expect(early).toMatchObject({ type: 'denied', decision: { code: 'guard-retry' } });
    expect((await session.runToolCall({ toolName: 'read_doc', toolCallId: 'r1', args: {} }, () => 'doc')).type).toBe('executed');
    await session.runToolCall({ toolName: 'verify', toolCallId: 'v1', args: {} }, () => ({ allPassed: true }));
    expect((await session.runToolCall({ toolName: 'publish', toolCallId: 'p2', args: {} }, () => 'published')).type).toBe('executed');
  });

  it('should deny outright when asked to', async () => {
    const session = createSession({ policy: {}, tools: TOOLS, guards: [requireVerifiedBefore(['pub*'], { action: 'deny', verifyTool: 'check' })] });
    const outcome = await session.runToolCall({ toolName: 'publish', toolCallId: 'p1', args: {} }, () => 'published');
    expect(outcome).toMatchObject({ type: 'denied', decision: { code: 'guard-denied', ruleIds: ['guard:require-verified'] } });
  });
});
