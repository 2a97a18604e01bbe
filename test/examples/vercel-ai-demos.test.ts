import { describe, expect, it } from 'vitest';
import { runAttackAgent } from '../../examples/vercel-ai/attack-agent.js';
import { runMcpAgent } from '../../examples/vercel-ai/mcp-agent.js';

// The Vercel AI SDK demos run real agents (generateText with a scripted MockLanguageModelV4); these tests run
// the same functions the demos print, so a demo cannot silently stop showing what it claims.

describe('examples/vercel-ai', () => {
  describe('attack demo', () => {
    it('should block the exfiltration and the payment to the attacker and complete the honest part', async () => {
      const outcome = await runAttackAgent();
      const decisions = outcome.events.flatMap((event) => (event.type === 'decision' ? [`${event.tool}:${event.decision.type}:${event.decision.ruleIds.join(',')}`] : []));

      expect(outcome.emails.map((mail) => mail.to)).toEqual(['rita@corp.io']);
      expect(outcome.payments).toEqual([{ iban: 'DE89370400440532013000', amount: 84.5 }]);
      expect(outcome.modelSawSecret).toBe(false);
      expect(decisions).toEqual([
        'readInbox:allow:',
        'listInvoices:allow:',
        'readSettings:allow:',
        'sendEmail:deny:no-secret-exfil,no-send-to-unknown',
        'payInvoice:deny:no-send-to-unknown,limits.spend',
        'sendEmail:allow:',
        'payInvoice:allow:',
      ]);
      expect(outcome.text).toContain('paid the City Power invoice');
    });
  });

  describe('MCP demo', () => {
    it('should label MCP output, block the deletion and the planted link, and post the honest comment', async () => {
      const outcome = await runMcpAgent();
      const result = outcome.events.find((event) => event.type === 'tool-result' && event.tool === 'get_issue');

      expect(outcome.deleted).toEqual([]);
      expect(outcome.comments).toEqual([{ repo: 'acme/app', number: 12, body: expect.stringMatching(/^Summary:/u) }]);
      expect(result).toMatchObject({ labels: ['untrusted'], taint: expect.arrayContaining(['src:mcp:github:get_issue']) });
      expect(outcome.events.flatMap((event) => (event.type === 'decision' && event.decision.type === 'deny' ? event.decision.ruleIds : []))).toEqual(['no-untrusted-destructive', 'no-novel-urls']);
    });
  });
});
