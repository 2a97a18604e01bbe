import { createSession } from '@labelflow/core';
import { describe, expect, it } from 'vitest';
import { decideToolCall, type Ticket } from './decide-tool-call.js';
import { createRunState } from './run-state.js';
import { createTicketBridge } from './ticket-bridge.js';

async function heldCall(toolCallId: string) {
  const session = createSession({ policy: {}, tools: { note: { labels: [] } } });
  const decided = await decideToolCall(session, { toolName: 'note', toolCallId, args: {} }, {});
  if (decided.type !== 'allowed') throw new Error('expected an allowed call');
  return { run: createRunState(session), ticket: decided.ticket satisfies Ticket };
}

describe('createTicketBridge', () => {
  it('should hand a held call to the execute of the same step and id, once', async () => {
    const bridge = createTicketBridge();
    const step = [{ role: 'user', content: 'hi' }];
    const held = await heldCall('c1');
    expect(bridge.put(step, 'c1', held)).toBe(true);
    expect(bridge.take([...step], 'c1')).toBeUndefined();
    expect(bridge.take(step, 'c2')).toBeUndefined();
    expect(bridge.take(step, 'c1')).toBe(held);
    expect(bridge.take(step, 'c1')).toBeUndefined();
  });

  it('should refuse a second call with the same id in one step', async () => {
    const bridge = createTicketBridge();
    const step: unknown[] = [];
    expect(bridge.put(step, 'c1', await heldCall('c1'))).toBe(true);
    expect(bridge.put(step, 'c1', await heldCall('c1'))).toBe(false);
    expect(bridge.put([], 'c1', await heldCall('c1'))).toBe(true);
  });
});
