import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../policy/compile-policy.js';
import { evaluate } from './evaluate.js';
import type { ToolCallRequest } from './tool-call-request.js';

// DESIGN.md §4, "A worked example".
const POLICY = compilePolicy({
  defaults: { rules: ['no-send-to-unknown', 'no-novel-urls', 'untrusted-llms-get-influenced'] },
  tools: { send_email: { labels: ['exfil:send'], controlArgs: ['to'] }, read_inbox: { output: { labels: ['untrusted'] } } },
});
const CONTEXT = { labels: ['trusted', 'untrusted', 'influenced'], taint: ['src:user', 'src:tool:read_inbox'] };
const USER = { labels: ['known', 'trusted'], taint: ['src:user'] };
const INBOX = { labels: ['untrusted'], taint: ['src:tool:read_inbox'] };

function send(to: { value: string; labels: string[]; taint: string[] }, body: string, bodyUrls: ToolCallRequest['args'][string]['urls'] = []): ToolCallRequest {
  return { tool: 'send_email', args: { to, body: { value: body, labels: [], urls: bodyUrls } }, context: CONTEXT };
}

describe('evaluate', () => {
  describe('the worked example', () => {
    it('should allow a reply to the recipient the user named, with an influenced body', () => {
      const decision = evaluate(POLICY, send({ value: 'rita@corp.io', ...USER }, '2 mails: vendor asks for an audit.'));
      expect(decision.type).toBe('allow');
      expect(decision.argLabels['to']).toEqual(['known', 'trusted', 'src:user']);
      expect(decision.argLabels['body']).toEqual(expect.arrayContaining(['untrusted', 'influenced', 'src:tool:read_inbox']));
    });

    it('should deny a recipient found only in the untrusted mail', () => {
      const decision = evaluate(POLICY, send({ value: 'audit@vend0r.net', ...INBOX }, '…'));
      expect(decision).toMatchObject({ type: 'deny', code: 'policy-denied', ruleIds: ['no-send-to-unknown'], args: ['to'], overridable: true });
      expect(decision.message).toContain("exfil:send destination must carry 'known'");
    });

    it('should deny a URL found only in the untrusted mail, even to a known recipient', () => {
      const url = 'https://vend0r.net/x';
      const decision = evaluate(POLICY, send({ value: 'rita@corp.io', ...USER }, `see ${url}`, [{ url, labels: INBOX.labels }]));
      expect(decision).toMatchObject({ type: 'deny', ruleIds: ['no-novel-urls'], args: ['body'] });
    });

    it('should treat a URL the caller did not ground as novel', () => {
      const decision = evaluate(POLICY, send({ value: 'rita@corp.io', ...USER }, 'see https://vend0r.net/y'));
      expect(decision).toMatchObject({ type: 'deny', ruleIds: ['no-novel-urls'] });
    });
  });

  describe('order of checks', () => {
    const layered = compilePolicy({
      capabilities: { deny: ['tool:wipe'] },
      authorizations: { allow: { send_email: { args: { to: 'rita@corp.io' } } } },
      tools: { send_email: { labels: ['exfil:send'], controlArgs: ['to'] }, wipe: { labels: ['destructive'] } },
      limits: { maxCalls: 1 },
    });

    it('should deny a capability first, without letting anything override it', () => {
      const decision = evaluate(layered, { tool: 'wipe', args: {}, run: { calls: 5 } });
      expect(decision).toMatchObject({ type: 'deny', code: 'capability-denied', ruleIds: ['capabilities.deny'], overridable: false });
    });

    it('should then check the task manifest', () => {
      const decision = evaluate(layered, { tool: 'send_email', args: { to: { value: 'eve@x.io', ...USER } }, run: { calls: 0 } });
      expect(decision).toMatchObject({ type: 'deny', code: 'not-authorized', ruleIds: ['authorizations.args'], overridable: false });
    });

    it('should report rule and limit violations together', () => {
      const decision = evaluate(layered, { tool: 'send_email', args: { to: { value: 'rita@corp.io', ...INBOX } }, run: { calls: 3 } });
      expect(decision).toMatchObject({ type: 'deny', code: 'policy-denied', overridable: false });
      expect(decision.ruleIds).toEqual(['no-send-to-unknown', 'limits.maxCalls']);
    });

    it('should ask for approval only when everything else passes', () => {
      const approving = compilePolicy({ requireApproval: ['destructive'], tools: { wipe: { labels: ['destructive'] } } });
      expect(evaluate(approving, { tool: 'wipe', args: {} })).toMatchObject({ type: 'require-approval', code: 'approval-required', ruleIds: ['requireApproval'] });
      expect(evaluate(approving, { tool: 'wipe', args: { target: { labels: ['untrusted'] } } })).toMatchObject({ type: 'deny' });
    });
  });

  describe('failing closed', () => {
    it.each([
      ['not an object', null],
      ['no tool name', { args: {} }],
      ['args not an object', { tool: 'x', args: [] }],
      ['labels not strings', { tool: 'x', args: { a: { labels: [1] } } }],
      ['negative run counter', { tool: 'x', args: {}, run: { calls: -1 } }],
      ['bad path mode', { tool: 'x', args: {}, operation: { paths: [{ mode: 'x', path: '/' }] } }],
    ])('should deny a malformed request: %s', (_, request) => {
      const decision = evaluate(POLICY, request as unknown as ToolCallRequest);
      expect(decision).toMatchObject({ type: 'deny', code: 'malformed-request', ruleIds: ['request.malformed'], overridable: false });
    });

    it('should deny when the evaluation itself fails', () => {
      const request = { tool: 'send_email', args: {} } as ToolCallRequest;
      Object.defineProperty(request, 'context', { get() { throw new Error('boom'); }, enumerable: true });
      const decision = evaluate(POLICY, request);
      expect(decision).toMatchObject({ type: 'deny', code: 'internal-error', ruleIds: ['evaluate.internal-error'] });
      expect(decision.message).toContain('boom');
    });

    it('should treat a tool nobody described as exfil and destructive with every argument a control argument', () => {
      const strict = compilePolicy({});
      const influenced = { value: '/srv/data', labels: ['influenced', 'llm'] };
      expect(evaluate(strict, { tool: 'mystery', args: { path: influenced } })).toMatchObject({ type: 'deny', ruleIds: ['no-untrusted-destructive'] });
      expect(evaluate(strict, { tool: 'mystery', args: { path: { value: '/srv/data', labels: ['known', 'trusted'] } } }).type).toBe('allow');
      expect(evaluate(strict, { tool: 'mystery', args: { note: { value: 'x', labels: [] } }, context: { labels: ['secret'] } })).toMatchObject({ ruleIds: ['no-secret-exfil'] });
    });
  });
});
