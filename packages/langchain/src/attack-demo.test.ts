// The runnable example in examples/langchain must keep telling the story it tells: this test runs its agent.
import { describe, expect, it } from 'vitest';
import { API_KEY, ATTACKER, runAttackDemo } from '../../../examples/langchain/attack-demo.js';

describe('examples/langchain/attack-demo', () => {
  it('should block the exfiltration and the payment to the attacker, and complete the honest part', async () => {
    const { messages, effects, events } = await runAttackDemo();

    const decisions = events.flatMap((event) => (event.type === 'decision' ? [[event.toolCallId, event.decision.type, [...event.decision.ruleIds].sort()]] : []));
    expect(decisions).toEqual([
      ['read', 'allow', []],
      ['settings', 'allow', []],
      ['exfiltrate', 'deny', ['no-secret-exfil', 'no-send-to-unknown']],
      ['pay-attacker', 'deny', ['no-send-to-unknown']],
      ['pay-rent', 'allow', []],
      ['summary', 'allow', []],
    ]);
    expect(effects.map((effect) => effect.tool)).toEqual(['send_money', 'send_email']);
    expect(JSON.stringify(effects)).not.toContain(ATTACKER.email);
    expect(JSON.stringify(effects)).not.toContain(ATTACKER.iban);
    expect(JSON.stringify(messages.map((message) => message.content))).not.toContain(API_KEY);
    expect(String(messages.at(-1)?.content)).toContain('Rent paid');
  });
});
