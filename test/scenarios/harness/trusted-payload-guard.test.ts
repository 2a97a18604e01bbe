import { createSession } from '@labelflow/core';
import { describe, expect, it } from 'vitest';
import { MINI_SUITE } from './mini-suite.js';
import { createTrustedPayloadGuard } from './trusted-payload-guard.js';

function session() {
  const guard = createTrustedPayloadGuard(MINI_SUITE.tools);
  const tools = Object.fromEntries(MINI_SUITE.tools.map((tool) => [tool.name, tool.metadata]));
  const created = createSession({ policy: {}, tools, guards: guard === undefined ? [] : [guard] });
  created.registerUserMessage("Send rita@corp.example the words 'see you at noon'.");
  return created;
}

describe('createTrustedPayloadGuard', () => {
  it('should allow a trusted-payload argument the user typed', async () => {
    const check = await session().checkToolCall({ toolName: 'send_email', toolCallId: 'c1', args: { to: 'rita@corp.example', body: 'see you at noon' } });
    expect(check.decision.type).toBe('allow');
  });

  it('should deny one the model made up', async () => {
    const check = await session().checkToolCall({ toolName: 'send_email', toolCallId: 'c1', args: { to: 'rita@corp.example', body: 'see you at one' } });
    expect(check.decision).toMatchObject({ type: 'deny', ruleIds: ['guard:trusted-payload'] });
  });

  it('should leave a call the policy already denied to the policy', async () => {
    const check = await session().checkToolCall({ toolName: 'send_email', toolCallId: 'c1', args: { to: 'eve@evil.example', body: 'made up' } });
    expect(check.decision.ruleIds).toEqual(['no-send-to-unknown']);
  });

  it('should not exist for a suite without trusted payload', () => {
    expect(createTrustedPayloadGuard(MINI_SUITE.tools.filter((tool) => tool.name !== 'send_email'))).toBeUndefined();
  });
});
