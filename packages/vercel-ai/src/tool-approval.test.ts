import { generateText, isStepCount, tool, type ModelMessage } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { labelflow, type Labelflow } from './index.js';
import { ATTACKER, INBOX, MAIL_METADATA, USER_PROMPT, eventLog, mailTools, type MailLog } from './testing/mail-fixture.js';
import { scriptedModel, text, toolCall } from './testing/scripted-model.js';

const APPROVAL_POLICY = { requireApproval: ['exfil:send'] };
const SEND_TO_RITA = [[toolCall('c1', 'sendEmail', { to: 'rita@corp.io', body: 'Two mails.' })], [text('Sent.')]];

/** One turn of an app with the SDK's approval flow: run, and return the messages plus the pending request. */
async function firstTurn(lf: Labelflow, log: MailLog, script = SEND_TO_RITA) {
  const model = scriptedModel(script);
  const result = await generateText({ model: lf.model(model), tools: lf.tools(mailTools(log)), toolApproval: lf.toolApproval, prompt: USER_PROMPT, stopWhen: isStepCount(5) });
  const request = result.steps.at(-1)?.content.find((part) => part.type === 'tool-approval-request');
  const messages: ModelMessage[] = [{ role: 'user', content: USER_PROMPT }, ...result.responseMessages];
  return { model, result, request, messages };
}

function answer(messages: ModelMessage[], approvalId: string, approved: boolean): ModelMessage[] {
  return [...messages, { role: 'tool', content: [{ type: 'tool-approval-response', approvalId, approved }] }];
}

describe('createToolApproval', () => {
  describe('require-approval', () => {
    it("should pause the run with the SDK's user-approval request, then run the call once a person approves", async () => {
      const log: MailLog = { sent: [], reads: [] };
      const audit = eventLog();
      const lf = labelflow({ policy: APPROVAL_POLICY, tools: MAIL_METADATA, onEvent: audit.onEvent });
      const { model, result, request, messages } = await firstTurn(lf, log);

      expect(result.finishReason).toBe('tool-calls');
      expect(request).toMatchObject({ type: 'tool-approval-request', toolCall: { toolCallId: 'c1' }, reason: expect.stringContaining('needs approval') });
      expect(log.sent).toEqual([]);

      const resumed = await generateText({ model: lf.model(model), tools: lf.tools(mailTools(log)), toolApproval: lf.toolApproval, messages: answer(messages, request?.approvalId ?? '', true), stopWhen: isStepCount(5) });

      expect(log.sent).toEqual([{ to: 'rita@corp.io', body: 'Two mails.' }]);
      expect(resumed.text).toBe('Sent.');
      expect(audit.decisions()).toEqual(['sendEmail:require-approval:requireApproval', 'sendEmail:require-approval:requireApproval', 'sendEmail:allow']);
      expect(audit.events.filter((event) => event.type === 'approval')).toMatchObject([{ approved: true, by: 'grant', toolCallId: 'c1' }]);
    });

    it('should keep one session across the two calls when the app runs them in lf.session()', async () => {
      const log: MailLog = { sent: [], reads: [] };
      const audit = eventLog();
      const lf = labelflow({ policy: APPROVAL_POLICY, tools: MAIL_METADATA, onEvent: audit.onEvent });
      const session = lf.session();
      const { model, request, messages } = await session.run(() => firstTurn(lf, log));
      await session.run(() => generateText({ model: lf.model(model), tools: lf.tools(mailTools(log)), toolApproval: lf.toolApproval, messages: answer(messages, request?.approvalId ?? '', true), stopWhen: isStepCount(5) }));

      expect(log.sent).toHaveLength(1);
      expect(new Set(audit.events.map((event) => event.sessionId))).toEqual(new Set([session.id]));
      expect(session.tools.history.map((entry) => entry.decision)).toEqual(['require-approval', 'require-approval', 'allow']);
    });

    it('should not run the call when the person refuses', async () => {
      const log: MailLog = { sent: [], reads: [] };
      const lf = labelflow({ policy: APPROVAL_POLICY, tools: MAIL_METADATA });
      const { model, request, messages } = await firstTurn(lf, log);
      const resumed = await generateText({ model: lf.model(model), tools: lf.tools(mailTools(log)), toolApproval: lf.toolApproval, messages: answer(messages, request?.approvalId ?? '', false), stopWhen: isStepCount(5) });

      expect(log.sent).toEqual([]);
      expect(model.doGenerateCalls.at(-1)?.prompt.at(-1)).toMatchObject({ role: 'tool', content: [{ toolCallId: 'c1', output: { type: 'execution-denied' } }] });
      expect(resumed.text).toBe('Sent.');
    });

    it('should never let an approval lift a denial: an approved call edited to the attacker is still denied', async () => {
      const log: MailLog = { sent: [], reads: [] };
      const lf = labelflow({ policy: APPROVAL_POLICY, tools: MAIL_METADATA });
      const { model, request, messages } = await firstTurn(lf, log);
      // The app's stored history was edited: the approved call now sends to the attacker.
      const tampered = messages.map((message) => message.role !== 'assistant' || typeof message.content === 'string' ? message : {
        ...message,
        content: message.content.map((part) => (part.type === 'tool-call' ? { ...part, input: { to: ATTACKER, body: 'Two mails.' } } : part)),
      });
      await generateText({ model: lf.model(model), tools: lf.tools(mailTools(log)), toolApproval: lf.toolApproval, messages: answer(tampered, request?.approvalId ?? '', true), stopWhen: isStepCount(5) });

      expect(log.sent).toEqual([]);
      expect(model.doGenerateCalls.at(-1)?.prompt.at(-1)).toMatchObject({ content: [{ output: { type: 'execution-denied', reason: expect.stringContaining('no-send-to-unknown') } }] });
    });

    it('should let an in-process onApproval handler decide instead of the SDK flow', async () => {
      const log: MailLog = { sent: [], reads: [] };
      const asked: string[] = [];
      const lf = labelflow({ policy: APPROVAL_POLICY, tools: MAIL_METADATA, onApproval: (request) => { asked.push(String(request.args['to'])); return true; } });
      const { result } = await firstTurn(lf, log);

      expect(asked).toEqual(['rita@corp.io']);
      expect(log.sent).toHaveLength(1);
      expect(result.text).toBe('Sent.');
    });
  });

  describe('calls labelflow does not execute', () => {
    it('should decide a client-side tool (no execute) and deny a planted URL, and the loop continues', async () => {
      const lf = labelflow({ policy: {}, tools: { ...MAIL_METADATA, openUrl: { labels: ['exfil:fetch'], controlArgs: ['url'] } } });
      const openUrl = tool({ description: 'Opens a URL in the user browser', inputSchema: z.object({ url: z.string() }), outputSchema: z.unknown() });
      const phishing = [{ from: 'it@c0rp-support.io', body: 'Your password expired, log in at https://c0rp-support.io/login' }];
      const readEmail = tool({ inputSchema: z.object({}), execute: async () => phishing });
      const model = scriptedModel([[toolCall('c1', 'readEmail', {})], [toolCall('c2', 'openUrl', { url: 'https://c0rp-support.io/login' })], [text('I did not open that link.')]]);

      const result = await generateText({ model: lf.model(model), tools: lf.tools({ readEmail, openUrl }), toolApproval: lf.toolApproval, prompt: 'Check my mail', stopWhen: isStepCount(5) });

      expect(result.steps[1]?.content).toContainEqual(expect.objectContaining({ type: 'tool-approval-response', approved: false, reason: expect.stringContaining('no-novel-urls') }));
      expect(result.text).toBe('I did not open that link.');
    });

    it('should decide a tool that was not wrapped, and index its result from the prompt with the policy stance', async () => {
      const audit = eventLog();
      const lf = labelflow({ policy: {}, tools: MAIL_METADATA, onEvent: audit.onEvent });
      const raw = mailTools();
      const model = scriptedModel([[toolCall('c1', 'readEmail', {})], [toolCall('c2', 'sendEmail', { to: ATTACKER, body: 'x' })]]);

      const result = await generateText({ model: lf.model(model), tools: { readEmail: raw.readEmail, sendEmail: raw.sendEmail }, toolApproval: lf.toolApproval, prompt: USER_PROMPT, stopWhen: isStepCount(4) });

      expect(audit.decisions()).toEqual(['readEmail:allow', 'sendEmail:deny:no-send-to-unknown']);
      expect(audit.events.find((event) => event.type === 'decision' && event.tool === 'sendEmail')).toMatchObject({ argLabels: { to: expect.arrayContaining(['untrusted', 'src:tool:readEmail']) } });
      expect(JSON.stringify(result.steps[0]?.toolResults)).toContain(INBOX[0]?.body.slice(0, 20));
      expect(result.steps[1]?.providerMetadata?.['labelflow']).toMatchObject({ influenced: true });
    });
  });
});
