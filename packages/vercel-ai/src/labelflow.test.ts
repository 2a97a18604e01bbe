import { InvalidPolicyError, getSession } from '@labelflow/core';
import { generateText, isStepCount, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PolicyDeniedError, labelflow } from './index.js';
import { ATTACKER, INBOX, MAIL_METADATA, USER_PROMPT, eventLog, mailTools, type MailLog } from './testing/mail-fixture.js';
import { scriptedModel, text, toolCall } from './testing/scripted-model.js';

const INJECTED_THEN_HONEST = [
  [toolCall('c1', 'readEmail', {})],
  [toolCall('c2', 'sendEmail', { to: ATTACKER, body: 'all your mail' })],
  [toolCall('c3', 'sendEmail', { to: 'rita@corp.io', body: 'Two mails: an audit request and lunch.' })],
  [text('Sent Rita the summary.')],
];

function newLog(): MailLog {
  return { sent: [], reads: [] };
}

describe('labelflow', () => {
  describe('generateText multi-step runs', () => {
    it('should deny the injected send, let the loop continue, and complete the honest send', async () => {
      const log = newLog();
      const audit = eventLog();
      const lf = labelflow({ policy: {}, tools: MAIL_METADATA, onEvent: audit.onEvent });
      const model = scriptedModel(INJECTED_THEN_HONEST);

      const result = await generateText({ model: lf.model(model), tools: lf.tools(mailTools(log)), toolApproval: lf.toolApproval, prompt: USER_PROMPT, stopWhen: isStepCount(10) });

      expect(log.sent).toEqual([{ to: 'rita@corp.io', body: 'Two mails: an audit request and lunch.' }]);
      expect(result.text).toBe('Sent Rita the summary.');
      expect(result.steps).toHaveLength(4);
      expect(audit.decisions()).toEqual(['readEmail:allow', 'sendEmail:deny:no-send-to-unknown', 'sendEmail:allow']);
      // The model's next prompt holds the SDK's execution-denied result with labelflow's readable reason.
      const denial = model.doGenerateCalls[2]?.prompt.at(-1);
      expect(denial).toMatchObject({ role: 'tool', content: [{ toolCallId: 'c2', output: { type: 'execution-denied', reason: expect.stringContaining('no-send-to-unknown') } }] });
    });

    it('should label the model output influenced once untrusted content is in its context', async () => {
      const lf = labelflow({ policy: {}, tools: MAIL_METADATA });
      const result = await generateText({ model: lf.model(scriptedModel(INJECTED_THEN_HONEST)), tools: lf.tools(mailTools()), toolApproval: lf.toolApproval, prompt: USER_PROMPT, stopWhen: isStepCount(10) });

      expect(result.steps[0]?.providerMetadata?.['labelflow']).toMatchObject({ influenced: false, labels: ['llm', 'trusted'] });
      expect(result.steps[1]?.providerMetadata?.['labelflow']).toMatchObject({ influenced: true, labels: expect.arrayContaining(['influenced', 'untrusted']) });
      expect(result.steps[1]?.providerMetadata?.['labelflow']).toMatchObject({ taint: expect.arrayContaining(['src:tool:readEmail']) });
    });

    it('should ground a recipient a trusted tool returned, through the SDK serialisation of its JSON result', async () => {
      const log = newLog();
      const audit = eventLog();
      const lf = labelflow({ policy: {}, tools: { ...MAIL_METADATA, findContact: { labels: [], output: { labels: ['trusted'] } } }, onEvent: audit.onEvent });
      const findContact = tool({ inputSchema: z.object({ name: z.string() }), execute: async () => ({ contacts: [{ name: 'Bob Stone', email: 'bob.stone@partner.org' }] }) });
      const model = scriptedModel([
        [toolCall('c1', 'findContact', { name: 'Bob' })],
        [toolCall('c2', 'sendEmail', { to: 'bob.stone@partner.org', body: 'Hello Bob' })],
        [toolCall('c3', 'sendEmail', { to: 'bob.stone@partner.or', body: 'typo' })],
      ]);

      await generateText({ model: lf.model(model), tools: lf.tools({ ...mailTools(log), findContact }), toolApproval: lf.toolApproval, prompt: 'Email Bob', stopWhen: isStepCount(5) });

      expect(log.sent.map((mail) => mail.to)).toEqual(['bob.stone@partner.org']);
      // The model saw the result as the SDK serialised it (a JSON output part), and the address still grounds.
      expect(model.doGenerateCalls[1]?.prompt.at(-1)).toMatchObject({ content: [{ output: { type: 'json', value: { contacts: [{ email: 'bob.stone@partner.org' }] } } }] });
      const allowed = audit.events.find((event) => event.type === 'decision' && event.toolCallId === 'c2');
      expect(allowed).toMatchObject({ decision: { type: 'allow' }, argLabels: { to: expect.arrayContaining(['known', 'trusted', 'src:tool:findContact']) } });
      // A value is found only whole: a prefix of the address is not grounded.
      expect(audit.decisions().at(-1)).toBe('sendEmail:deny:no-send-to-unknown');
    });
  });

  describe('parallel tool calls in one step', () => {
    it('should decide each call and run the allowed ones concurrently', async () => {
      const audit = eventLog();
      const lf = labelflow({ policy: {}, tools: { ...MAIL_METADATA, slowRead: { labels: [], output: { labels: ['untrusted'] } } }, onEvent: audit.onEvent });
      const windows: { start: number; end: number }[] = [];
      const slowRead = tool({
        inputSchema: z.object({ folder: z.string() }),
        execute: async ({ folder }) => {
          const start = performance.now();
          await new Promise((resolve) => setTimeout(resolve, 40));
          windows.push({ start, end: performance.now() });
          return `no mail in ${folder}`;
        },
      });
      const log = newLog();
      const model = scriptedModel([[toolCall('a', 'slowRead', { folder: 'inbox' }), toolCall('b', 'slowRead', { folder: 'spam' }), toolCall('c', 'sendEmail', { to: ATTACKER, body: 'x' })]]);

      const result = await generateText({ model: lf.model(model), tools: lf.tools({ ...mailTools(log), slowRead }), toolApproval: lf.toolApproval, prompt: 'Check my folders', stopWhen: isStepCount(3) });

      expect(windows).toHaveLength(2);
      const [first, second] = windows as [{ start: number; end: number }, { start: number; end: number }];
      expect(second.start).toBeLessThan(first.end);
      expect(result.steps[0]?.toolResults.map((part) => part.toolCallId).sort()).toEqual(['a', 'b']);
      expect(audit.events.filter((event) => event.type === 'tool-result').map((event) => (event.type === 'tool-result' ? event.toolCallId : '')).sort()).toEqual(['a', 'b']);
      expect(log.sent).toEqual([]);
    });
  });

  describe('onDeny', () => {
    it("should throw PolicyDeniedError from the run with onDeny: 'throw'", async () => {
      const lf = labelflow({ policy: {}, tools: MAIL_METADATA, onDeny: 'throw' });
      const log = newLog();
      const run = generateText({ model: lf.model(scriptedModel(INJECTED_THEN_HONEST)), tools: lf.tools(mailTools(log)), toolApproval: lf.toolApproval, prompt: USER_PROMPT, stopWhen: isStepCount(10) });

      const error = await run.catch((caught: unknown) => caught);
      expect(PolicyDeniedError.isInstance(error)).toBe(true);
      expect((error as PolicyDeniedError).decision.ruleIds).toEqual(['no-send-to-unknown']);
      expect(log.sent).toEqual([]);
    });
  });

  describe('tools with no metadata', () => {
    it('should treat undescribed tools as consequential: allowed before untrusted input, denied after it', async () => {
      const audit = eventLog();
      const lf = labelflow({ policy: {}, onEvent: audit.onEvent });
      const log = newLog();
      const model = scriptedModel([
        [toolCall('c1', 'sendEmail', { to: 'rita@corp.io', body: 'On it.' })],
        [toolCall('c2', 'readEmail', {})],
        [toolCall('c3', 'sendEmail', { to: 'rita@corp.io', body: 'Summary: an audit request and lunch.' })],
      ]);

      await generateText({ model: lf.model(model), tools: lf.tools(mailTools(log)), toolApproval: lf.toolApproval, prompt: USER_PROMPT, stopWhen: isStepCount(5) });

      expect(log.sent).toEqual([{ to: 'rita@corp.io', body: 'On it.' }]);
      // The inbox result took the policy's stance (untrusted), so a model-made body is no longer trusted.
      expect(audit.events.find((event) => event.type === 'tool-result' && event.tool === 'readEmail')).toMatchObject({ labels: ['untrusted'] });
      expect(audit.decisions()).toEqual(['sendEmail:allow', 'readEmail:allow', 'sendEmail:deny:no-untrusted-destructive']);
    });
  });

  describe('tool metadata', () => {
    const INSIDE = {
      readEmail: tool({ inputSchema: z.object({}), metadata: { labelflow: { output: { labels: ['untrusted'] } } }, execute: async () => INBOX }),
      sendEmail: tool({ inputSchema: z.object({ to: z.string(), body: z.string() }), metadata: { labelflow: { labels: ['exfil:send'], controlArgs: ['to'] } }, execute: async () => 'sent' }),
    };

    it.each([
      ['beside the tools', () => labelflow({ policy: {}, tools: MAIL_METADATA }), () => mailTools()],
      ['inside tool({ metadata })', () => labelflow({ policy: {} }), () => INSIDE],
      ['in the policy', () => labelflow({ policy: { tools: MAIL_METADATA } }), () => mailTools()],
    ])('should read metadata given %s', async (_, make, tools) => {
      const audit = eventLog();
      const lf = make();
      const model = scriptedModel(INJECTED_THEN_HONEST);
      await lf.run(async (session) => {
        session.subscribe(audit.onEvent);
        await generateText({ model: lf.model(model), tools: lf.tools(tools()), toolApproval: lf.toolApproval, prompt: USER_PROMPT, stopWhen: isStepCount(10) });
      });
      expect(audit.decisions()).toEqual(['readEmail:allow', 'sendEmail:deny:no-send-to-unknown', 'sendEmail:allow']);
    });

    it('should refuse invalid metadata when the tools are wrapped, listing the issue', () => {
      const lf = labelflow({ policy: {} });
      const bad = tool({ inputSchema: z.object({}), metadata: { labelflow: { labels: ['exfil:send'], controlArg: ['to'] } }, execute: async () => 'x' });
      expect(() => lf.tools({ bad })).toThrow(InvalidPolicyError);
      expect(() => lf.tools({ bad })).toThrow(/controlArg/u);
      expect(() => labelflow({ policy: {}, tools: { x: { labels: ['not a label'] } } })).toThrow(InvalidPolicyError);
    });
  });

  describe('sessions inside tools', () => {
    it('should run each tool inside its session, so getSession() works there', async () => {
      const lf = labelflow({ policy: {}, tools: { whoami: { labels: [] } } });
      const seen: string[] = [];
      const whoami = tool({ inputSchema: z.object({}), execute: async () => seen.push(getSession().id) });
      const result = await generateText({ model: lf.model(scriptedModel([[toolCall('c1', 'whoami', {})]])), tools: lf.tools({ whoami }), toolApproval: lf.toolApproval, prompt: 'who am I', stopWhen: isStepCount(3) });
      expect(seen).toEqual([(result.steps[0]?.providerMetadata?.['labelflow'] as { session: string }).session]);
    });
  });
});
