import { defineGuard, outcome } from '@labelflow/core';
import { generateText, isStepCount, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { labelflow, sealedCredentials } from './index.js';
import { ATTACKER, MAIL_METADATA, USER_PROMPT, eventLog, mailTools, type MailLog } from './testing/mail-fixture.js';
import { scriptedModel, text, toolCall } from './testing/scripted-model.js';

const API_KEY = 'sk-live-51HxQ2bT9zLmN4vR';

describe('wrapTools', () => {
  describe('secrets', () => {
    const TOOLS = {
      ...MAIL_METADATA,
      getConfig: { labels: [], output: { labels: ['trusted'], secretPaths: ['apiKey'] } },
      login: { labels: [] },
    };

    it('should show the model a handle, resolve it only on a sealed path, and deny sending it out', async () => {
      const log: MailLog = { sent: [], reads: [] };
      const audit = eventLog();
      const lf = labelflow({ policy: {}, tools: TOOLS, onEvent: audit.onEvent });
      const received: unknown[] = [];
      const tools = {
        ...mailTools(log),
        getConfig: tool({ inputSchema: z.object({}), execute: async () => ({ apiKey: API_KEY, region: 'eu' }) }),
        login: tool({ inputSchema: z.object({ key: z.string() }), execute: async ({ key }) => received.push(key) }),
      };
      const model = scriptedModel([
        [toolCall('c1', 'getConfig', {})],
        [toolCall('c2', 'login', { key: '«secret:1»' }), toolCall('c3', 'sendEmail', { to: 'rita@corp.io', body: 'the key is «secret:1»' })],
        [toolCall('c4', 'sendEmail', { to: 'rita@corp.io', body: `the key is ${Buffer.from(API_KEY).toString('base64')}` })],
      ]);

      const result = await generateText({ model: lf.model(model), tools: lf.tools(tools), toolApproval: lf.toolApproval, prompt: USER_PROMPT, stopWhen: isStepCount(5) });

      expect(JSON.stringify(model.doGenerateCalls.map((call) => call.prompt))).not.toContain(API_KEY);
      expect(result.steps[0]?.toolResults[0]?.output).toEqual({ apiKey: '«secret:1»', region: 'eu' });
      expect(received).toEqual([API_KEY]);
      expect(log.sent).toEqual([]);
      expect(audit.decisions()).toEqual(['getConfig:allow', 'login:allow', 'sendEmail:deny:no-secret-exfil', 'sendEmail:deny:no-secret-exfil']);
      expect(audit.events.find((event) => event.type === 'tool-result' && event.tool === 'getConfig')).toMatchObject({ redacted: 1 });
    });

    it('should hand a tool its sealed credentials and redact them when the result echoes one', async () => {
      const token = 'ghp_secretvalue1234567890';
      const lf = labelflow({
        policy: { auth: { github: { from: 'env:GH_TOKEN' } } },
        env: { GH_TOKEN: token },
        tools: { listIssues: { labels: [], auth: ['github'], output: { labels: ['untrusted'] } } },
      });
      const listIssues = tool({
        inputSchema: z.object({ repo: z.string() }),
        execute: async ({ repo }, options) => `issues of ${repo} (debug: Authorization: token ${sealedCredentials(options)['github'] ?? 'none'})`,
      });
      const model = scriptedModel([[toolCall('c1', 'listIssues', { repo: 'acme/app' })], [text('No open issues.')]]);

      const result = await generateText({ model: lf.model(model), tools: lf.tools({ listIssues }), toolApproval: lf.toolApproval, prompt: 'List issues of acme/app', stopWhen: isStepCount(3) });

      expect(result.steps[0]?.toolResults[0]?.output).toBe('issues of acme/app (debug: Authorization: token «secret:1»)');
      expect(JSON.stringify(model.doGenerateCalls[1]?.prompt)).not.toContain(token);
    });
  });

  describe('guards', () => {
    it("should execute with the engine's arguments (a before-guard's transform) and pass an after-guard's denial to the model", async () => {
      const log: MailLog = { sent: [], reads: [] };
      const footer = defineGuard({ name: 'footer', when: { tools: ['sendEmail'] }, before: (ctx) => outcome.transform({ args: { ...ctx.args, body: `${String(ctx.args['body'])}\n-- sent by an assistant` } }) });
      const noInbox = defineGuard({ name: 'no-inbox-dump', when: { tools: ['readEmail'] }, after: () => outcome.deny('inbox contents are withheld in this demo') });
      const lf = labelflow({ policy: {}, tools: MAIL_METADATA, guards: [footer, noInbox] });
      const model = scriptedModel([[toolCall('c1', 'sendEmail', { to: 'rita@corp.io', body: 'Hi' })], [toolCall('c2', 'readEmail', {})]]);

      const result = await generateText({ model: lf.model(model), tools: lf.tools(mailTools(log)), toolApproval: lf.toolApproval, prompt: USER_PROMPT, stopWhen: isStepCount(3) });

      expect(log.sent).toEqual([{ to: 'rita@corp.io', body: 'Hi\n-- sent by an assistant' }]);
      expect(result.steps[1]?.toolResults[0]?.output).toMatchObject({ error: 'policy_denied', code: 'guard-denied', rule: 'guard:no-inbox-dump' });
    });
  });

  describe('without lf.toolApproval', () => {
    it('should decide in execute and hand the model the readable denial as the tool result', async () => {
      const log: MailLog = { sent: [], reads: [] };
      const lf = labelflow({ policy: {}, tools: MAIL_METADATA });
      const model = scriptedModel([
        [toolCall('c1', 'readEmail', {})],
        [toolCall('c2', 'sendEmail', { to: ATTACKER, body: 'all mail' }), toolCall('c3', 'sendEmail', { to: 'rita@corp.io', body: 'summary' })],
      ]);

      await generateText({ model: lf.model(model), tools: lf.tools(mailTools(log)), prompt: USER_PROMPT, stopWhen: isStepCount(4) });

      expect(log.sent).toEqual([{ to: 'rita@corp.io', body: 'summary' }]);
      expect(model.doGenerateCalls[2]?.prompt.at(-1)).toMatchObject({
        role: 'tool',
        content: [{ toolCallId: 'c2', output: { type: 'json', value: { error: 'policy_denied', code: 'policy-denied', rule: 'no-send-to-unknown', reason: expect.stringContaining("'known'") } } }, { toolCallId: 'c3' }],
      });
    });

    it('should refuse a call that needs approval, since only toolApproval can ask a person', async () => {
      const log: MailLog = { sent: [], reads: [] };
      const lf = labelflow({ policy: { requireApproval: ['exfil:send'] }, tools: MAIL_METADATA });
      const result = await generateText({ model: lf.model(scriptedModel([[toolCall('c1', 'sendEmail', { to: 'rita@corp.io', body: 'x' })]])), tools: lf.tools(mailTools(log)), prompt: USER_PROMPT, stopWhen: isStepCount(2) });

      expect(log.sent).toEqual([]);
      expect(result.steps[0]?.toolResults[0]?.output).toMatchObject({ error: 'policy_denied', code: 'approval-required' });
    });

    it('should still find the run in every step with the tools alone (no lf.model), from the messages they receive', async () => {
      const log: MailLog = { sent: [], reads: [] };
      const audit = eventLog();
      const lf = labelflow({ policy: {}, tools: MAIL_METADATA, onEvent: audit.onEvent });
      const model = scriptedModel([[toolCall('c1', 'readEmail', {})], [toolCall('c2', 'sendEmail', { to: ATTACKER, body: 'x' })], [toolCall('c3', 'sendEmail', { to: 'rita@corp.io', body: 'y' })]]);

      await generateText({ model, tools: lf.tools(mailTools(log)), prompt: USER_PROMPT, stopWhen: isStepCount(5) });

      expect(log.sent.map((mail) => mail.to)).toEqual(['rita@corp.io']);
      expect(new Set(audit.events.map((event) => event.sessionId)).size).toBe(1);
      expect(audit.decisions()).toEqual(['readEmail:allow', 'sendEmail:deny:no-send-to-unknown', 'sendEmail:allow']);
    });
  });

  describe('streaming tool results', () => {
    it('should label the final value of a tool that yields preliminary results, and pass on only that one', async () => {
      const lf = labelflow({ policy: {}, tools: { progress: { labels: [], output: { labels: ['trusted'], secretPaths: ['token'] } } } });
      const progress = tool({
        inputSchema: z.object({}),
        async *execute() {
          yield { status: 'working', token: API_KEY };
          yield { status: 'done', token: API_KEY };
        },
      });
      const result = await generateText({ model: lf.model(scriptedModel([[toolCall('c1', 'progress', {})]])), tools: lf.tools({ progress }), toolApproval: lf.toolApproval, prompt: 'go', stopWhen: isStepCount(2) });

      expect(result.steps[0]?.toolResults.map((part) => part.output)).toEqual([{ status: 'done', token: '«secret:1»' }]);
    });
  });
});
