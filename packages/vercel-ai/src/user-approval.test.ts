import { generateText, isStepCount, tool, type ModelMessage } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scriptedModel, toolCall } from './testing/scripted-model.js';
import { userApproved } from './user-approval.js';

/** A real paused run: the SDK asked for approval of `c1`; returns the history and the request id. */
async function pausedRun() {
  const model = scriptedModel([[toolCall('c1', 'pay', { iban: 'DE89370400440532013000', amount: 40 })]]);
  const pay = tool({ inputSchema: z.object({ iban: z.string(), amount: z.number() }), execute: async () => 'paid' });
  const result = await generateText({ model, tools: { pay }, prompt: 'Pay the invoice', stopWhen: isStepCount(2), toolApproval: () => 'user-approval' });
  const request = result.steps[0]?.content.find((part) => part.type === 'tool-approval-request');
  const history: ModelMessage[] = [{ role: 'user', content: 'Pay the invoice' }, ...result.responseMessages];
  return { history, approvalId: request?.approvalId ?? '' };
}

function answered(history: ModelMessage[], approvalId: string, approved: boolean): ModelMessage[] {
  return [...history, { role: 'tool', content: [{ type: 'tool-approval-response', approvalId, approved }] }];
}

describe('userApproved', () => {
  const INPUT = { iban: 'DE89370400440532013000', amount: 40 };

  it('should see an approval the person gave for this call', async () => {
    const { history, approvalId } = await pausedRun();
    expect(userApproved(answered(history, approvalId, true), 'c1', INPUT)).toBe(true);
  });

  it.each([
    ['the person refused', (h: ModelMessage[], id: string) => answered(h, id, false), 'c1', INPUT],
    ['nobody answered yet', (h: ModelMessage[]) => h, 'c1', INPUT],
    ['the answer is for another call', (h: ModelMessage[], id: string) => answered(h, id, true), 'c2', INPUT],
    ['the input differs from the approved one', (h: ModelMessage[], id: string) => answered(h, id, true), 'c1', { ...INPUT, amount: 4000 }],
    ['the answer is not the last message', (h: ModelMessage[], id: string) => [...answered(h, id, true), { role: 'user', content: 'and more' } as ModelMessage], 'c1', INPUT],
  ])('should not count it as approved when %s', async (_, build, toolCallId, input) => {
    const { history, approvalId } = await pausedRun();
    expect(userApproved(build(history, approvalId), toolCallId, input)).toBe(false);
  });
});
