import { describe, expect, it, vi } from 'vitest';
import { allowDecision, denyDecision, violation } from '../evaluate/decision.js';
import { defineGuard, type GuardDefinition, type GuardHandler } from './define-guard.js';
import type { GuardContext } from './guard-context.js';
import { GuardBypassError } from './guard-bypass-error.js';
import { outcome } from './guard-outcome.js';
import { InvalidGuardError } from './invalid-guard-error.js';
import { runGuards, type RunGuardsOptions } from './run-guards.js';

const LABEL_DENIAL = denyDecision({
  tool: 'send_email',
  code: 'policy-denied',
  overridable: true,
  violations: [violation({ ruleId: 'no-send-to-unknown', reason: 'recipient is not known', suggestion: 'use a known address', args: ['to'] })],
});

const BEFORE: GuardContext = {
  phase: 'before',
  tool: 'send_email',
  toolCallId: 'call_3',
  args: { to: 'audit@vend0r.net', body: 'hello' },
  argLabels: { to: ['untrusted', 'src:tool:read_inbox'], body: ['influenced'] },
  labels: ['untrusted', 'influenced'],
  targets: ['op:tool:send_email', 'email:send', 'exfil', 'exfil:send'],
  decision: LABEL_DENIAL,
  tools: { calls: ['read_inbox'], history: [{ tool: 'read_inbox', toolCallId: 'call_1', decision: 'allow', labels: ['untrusted'] }] },
  attempt: 1,
};

const AFTER: GuardContext = { ...BEFORE, phase: 'after', decision: allowDecision({ tool: 'send_email' }), result: 'sent: ghp_abc', resultLabels: ['untrusted'] };

function guard(name: string, handler: GuardHandler, extra: Omit<GuardDefinition, 'name' | 'before' | 'after'> & { phase?: 'before' | 'after' } = {}) {
  const { phase = 'before', ...rest } = extra;
  return defineGuard({ name, [phase]: handler, ...rest });
}

function before(guards: RunGuardsOptions['guards'], options: Partial<RunGuardsOptions> = {}) {
  return runGuards({ guards, phase: 'before', context: BEFORE, ...options });
}

function after(guards: RunGuardsOptions['guards'], options: Partial<RunGuardsOptions> = {}) {
  return runGuards({ guards, phase: 'after', context: AFTER, ...options });
}

describe('runGuards', () => {
  describe('outcomes', () => {
    it('should continue with no changes when guards allow or have no opinion', async () => {
      const reduced = await before([guard('a', () => outcome.allow()), guard('b', () => undefined)]);
      expect(reduced).toEqual({ type: 'continue', relabels: [], ran: ['a', 'b'] });
    });

    it('should deny with the guard name and its reason', async () => {
      expect(await before([guard('block', () => outcome.deny('no mail to vendors'))])).toEqual({
        type: 'deny',
        guard: 'block',
        reason: 'no mail to vendors',
        code: 'guard-denied',
      });
    });

    it('should retry with the hint', async () => {
      expect(await before([guard('hint', () => outcome.retry('use the address the user gave'))])).toEqual({ type: 'retry', hints: ['use the address the user gave'], guards: ['hint'] });
    });

    it('should collect approval requests with their reasons', async () => {
      const reduced = await before([guard('a', () => outcome.requireApproval('external recipient')), guard('b', () => outcome.requireApproval('large body'))]);
      expect(reduced).toMatchObject({ type: 'continue', approval: { guards: ['a', 'b'], reasons: ['external recipient', 'large body'] } });
    });

    it('should return replacement arguments before the call and a replacement result after it', async () => {
      expect(await before([guard('fix', () => outcome.transform({ args: { to: 'rita@corp.io', body: 'hello' } }))])).toMatchObject({ type: 'continue', args: { to: 'rita@corp.io' } });
      expect(await after([guard('redact', (ctx) => outcome.transform({ result: String(ctx.result).replace(/ghp_\w+/u, '[redacted]') }), { phase: 'after' })])).toMatchObject({
        type: 'continue',
        result: 'sent: [redacted]',
      });
    });

    it('should report a result transformed to undefined as present', async () => {
      const reduced = await after([guard('drop', () => outcome.transform({ result: undefined }), { phase: 'after' })]);
      expect(reduced.type === 'continue' && 'result' in reduced).toBe(true);
    });

    it('should collect relabels in order with the guard name and privilege', async () => {
      const reduced = await before([
        guard('tag', () => outcome.relabel({ add: ['pii'], args: ['body'] })),
        guard('bless', () => outcome.relabel({ remove: ['untrusted'], add: ['trusted'], args: ['to'] }), { privileged: true }),
      ]);
      expect(reduced).toMatchObject({
        type: 'continue',
        relabels: [
          { guard: 'tag', privileged: false, add: ['pii'], remove: [], args: ['body'] },
          { guard: 'bless', privileged: true, add: ['trusted'], remove: ['untrusted'], args: ['to'] },
        ],
      });
    });
  });

  describe('selection', () => {
    it('should run only the guards of the phase that apply, in order', async () => {
      const reduced = await before([
        guard('after-only', () => outcome.deny('x'), { phase: 'after' }),
        guard('mail', () => undefined, { when: { ops: ['exfil:send'] } }),
        guard('shell', () => outcome.deny('x'), { when: { tools: ['shell_*'] } }),
        guard('mcp', () => outcome.deny('x'), { when: { labels: ['src:mcp'] } }),
        guard('inbox', () => undefined, { when: { labels: ['src:tool'], tools: ['send_*'] } }),
      ]);
      expect(reduced).toMatchObject({ type: 'continue', ran: ['mail', 'inbox'] });
    });
  });

  describe('composition', () => {
    it('should let a deny beat a privileged allow', async () => {
      const reduced = await before([guard('lift', () => outcome.allow(), { privileged: true }), guard('block', () => outcome.deny('no'))]);
      expect(reduced).toMatchObject({ type: 'deny', guard: 'block' });
    });

    it('should let a deny beat an earlier retry and stop running guards', async () => {
      const later = vi.fn(() => undefined);
      const reduced = await before([guard('hint', () => outcome.retry('again')), guard('block', () => outcome.deny('no')), guard('later', later)]);
      expect(reduced).toMatchObject({ type: 'deny', guard: 'block' });
      expect(later).not.toHaveBeenCalled();
    });

    it('should let a retry beat transforms, approvals and a privileged allow, with every hint', async () => {
      const reduced = await before([
        guard('lift', () => outcome.allow(), { privileged: true }),
        guard('a', () => outcome.retry('first')),
        guard('ask', () => outcome.requireApproval('why')),
        guard('b', () => outcome.retry('second')),
      ]);
      expect(reduced).toEqual({ type: 'retry', hints: ['first', 'second'], guards: ['a', 'b'] });
    });

    it('should let the last before-transform win, each guard seeing the original arguments', async () => {
      const seen: unknown[] = [];
      const reduced = await before([
        guard('one', (ctx) => (seen.push(ctx.args.to), outcome.transform({ args: { ...ctx.args, to: 'one@corp.io' } }))),
        guard('two', (ctx) => (seen.push(ctx.args.to), outcome.transform({ args: { ...ctx.args, to: 'two@corp.io' } }))),
      ]);
      expect(reduced).toMatchObject({ type: 'continue', args: { to: 'two@corp.io', body: 'hello' } });
      expect(seen).toEqual(['audit@vend0r.net', 'audit@vend0r.net']);
    });

    it('should chain after-transforms, each guard seeing the previous result', async () => {
      const reduced = await after([
        guard('upper', (ctx) => outcome.transform({ result: String(ctx.result).toUpperCase() }), { phase: 'after' }),
        guard('watch', () => undefined, { phase: 'after' }),
        guard('wrap', (ctx) => outcome.transform({ result: `[${String(ctx.result)}]` }), { phase: 'after' }),
      ]);
      expect(reduced).toMatchObject({ type: 'continue', result: '[SENT: GHP_ABC]' });
    });

    it('should report the first privileged allow as liftedBy and ignore non-privileged allows', async () => {
      const reduced = await before([
        guard('plain', () => outcome.allow()),
        guard('exception', (ctx) => (ctx.decision.type === 'deny' ? outcome.allow() : undefined), { privileged: true }),
        guard('second', () => outcome.allow(), { privileged: true }),
      ]);
      expect(reduced).toMatchObject({ type: 'continue', liftedBy: 'exception' });
      expect(await before([guard('plain', () => outcome.allow())])).not.toHaveProperty('liftedBy');
    });
  });

  describe('fail closed', () => {
    it.each([
      ['a sync throw', () => { throw new Error('db\ndown'); }, 'guard `broken` threw: Error: db down'],
      ['a rejection', async () => Promise.reject(new TypeError('bad')), 'guard `broken` threw: TypeError: bad'],
      ['a thrown string', () => { throw 'oops'; }, 'guard `broken` threw: oops'],
      ['a thrown null', () => { throw null; }, 'guard `broken` threw: a thrown null'],
    ] as const)('should deny on %s', async (_, handler, reason) => {
      expect(await before([guard('broken', handler as GuardHandler)])).toEqual({ type: 'deny', guard: 'broken', reason, code: 'guard-error' });
    });

    it('should cut a long error message short', async () => {
      const reduced = await before([guard('long', () => { throw new Error('x'.repeat(5000)); })]);
      expect(reduced.type === 'deny' && reduced.reason.length).toBeLessThan(300);
    });

    it.each([
      ['a string', 'allow'],
      ['a misspelt type', { type: 'alow' }],
      ['null', null],
      ['true', true],
      ['an empty reason', { type: 'deny', reason: '' }],
    ])('should deny when a guard returns %s', async (_, value) => {
      const reduced = await before([guard('garbage', () => value as never)]);
      expect(reduced).toMatchObject({ type: 'deny', guard: 'garbage', code: 'guard-error' });
      expect(reduced.type === 'deny' && reduced.reason).toContain('returned something that is not a guard outcome');
    });

    it('should deny a transform for the wrong phase', async () => {
      expect(await before([guard('wrong', () => outcome.transform({ result: 1 }))])).toMatchObject({ type: 'deny', code: 'guard-error' });
      expect(await after([guard('wrong', () => outcome.transform({ args: {} }), { phase: 'after' })])).toMatchObject({ type: 'deny', code: 'guard-error' });
    });

    it('should deny when a guard tries to change its frozen context', async () => {
      const reduced = await before([guard('mutate', (ctx) => { (ctx.args as Record<string, unknown>).to = 'x'; return undefined; })]);
      expect(reduced).toMatchObject({ type: 'deny', code: 'guard-error' });
      expect(BEFORE.args.to).toBe('audit@vend0r.net');
    });
  });

  describe('labels', () => {
    it('should refuse a protected label removal without privilege', async () => {
      const reduced = await before([guard('strip', () => outcome.relabel({ remove: ['untrusted'], args: ['to'] }))]);
      expect(reduced).toMatchObject({ type: 'deny', guard: 'strip', code: 'protected-label' });
      expect(reduced.type === 'deny' && reduced.reason).toContain('PROTECTED_LABEL_REMOVAL');
    });

    it('should refuse any removal without privilege and provenance removal even with it', async () => {
      const plain = await before([guard('strip', () => outcome.relabel({ remove: ['influenced'] }))]);
      expect(plain.type === 'deny' && plain.reason).toContain('LABEL_PRIVILEGE_REQUIRED');
      const provenance = await before([guard('strip', () => outcome.relabel({ remove: ['src:tool:read_inbox'] }), { privileged: true })]);
      expect(provenance).toMatchObject({ type: 'deny', code: 'protected-label' });
    });

    it('should allow a privileged guard to remove a protected label', async () => {
      const reduced = await after([guard('declassify', () => outcome.relabel({ remove: ['untrusted'] }), { phase: 'after', privileged: true })]);
      expect(reduced).toMatchObject({ type: 'continue', relabels: [{ guard: 'declassify', privileged: true, remove: ['untrusted'] }] });
    });

    it.each(['untrusted-wins', 'warn'] as const)('should keep untrusted and report the conflict under %s', async (trustConflict) => {
      const reduced = await before([guard('vouch', () => outcome.relabel({ add: ['trusted'], args: ['to'] }))], { trustConflict });
      expect(reduced).toMatchObject({ type: 'continue', relabels: [{ guard: 'vouch', add: ['trusted'], conflicts: ['to'] }] });
    });

    it('should deny trusted on an untrusted value under error, also by default for the result', async () => {
      expect(await before([guard('vouch', () => outcome.relabel({ add: ['trusted'] }))], { trustConflict: 'error' })).toMatchObject({ type: 'deny', code: 'trust-conflict' });
      expect(await after([guard('vouch', () => outcome.relabel({ add: ['trusted'] }), { phase: 'after' })])).toMatchObject({ type: 'continue', relabels: [{ conflicts: ['result'] }] });
    });

    it('should see earlier relabels when checking a later one', async () => {
      const reduced = await before(
        [
          guard('bless', () => outcome.relabel({ remove: ['untrusted'], args: ['to'] }), { privileged: true }),
          guard('vouch', () => outcome.relabel({ add: ['trusted'], args: ['to'] })),
        ],
        { trustConflict: 'error' },
      );
      expect(reduced).toMatchObject({ type: 'continue', relabels: [{ guard: 'bless' }, { guard: 'vouch' }] });
    });
  });

  describe('bypass', () => {
    const guards = () => [guard('audit', () => outcome.deny('audit')), guard('verify', () => outcome.deny('verify')), guard('policy', () => undefined, { privileged: true })];

    it('should skip every non-privileged guard with `false` but still run privileged ones', async () => {
      expect(await before(guards(), { bypass: false })).toMatchObject({ type: 'continue', ran: ['policy'] });
      const privilegedDeny = [guard('locked', () => outcome.deny('always'), { privileged: true })];
      expect(await before(privilegedDeny, { bypass: false })).toMatchObject({ type: 'deny', guard: 'locked' });
    });

    it('should run only the named guards with `only` and skip the named ones with `except`', async () => {
      expect(await before(guards(), { bypass: { only: ['verify'] } })).toMatchObject({ type: 'deny', guard: 'verify' });
      expect(await before(guards(), { bypass: { except: ['audit', 'verify'] } })).toMatchObject({ type: 'continue', ran: ['policy'] });
    });

    it('should throw GUARD_BYPASS_BLOCKED when bypass is switched off', async () => {
      await expect(before(guards(), { bypass: { except: ['audit'] }, allowGuardBypass: false })).rejects.toSatisfy(
        (error) => GuardBypassError.isInstance(error) && error.code === 'GUARD_BYPASS_BLOCKED',
      );
      expect(await before(guards(), { allowGuardBypass: false })).toMatchObject({ type: 'deny', guard: 'audit' });
    });

    it('should throw for two guards with one name', async () => {
      await expect(before([guard('same', () => undefined), guard('same', () => undefined)])).rejects.toSatisfy((error) => InvalidGuardError.isInstance(error));
    });
  });

  describe('context', () => {
    const publishAfterVerify = guard('publish-after-verify', (ctx) => (ctx.tools.calls.includes('verify') ? undefined : outcome.deny('run `verify` before `publish`')), {
      when: { tools: ['publish'] },
    });

    it('should let a guard require an earlier tool call ("publish only after verify")', async () => {
      const publish = { ...BEFORE, tool: 'publish', targets: ['op:tool:publish'] };
      expect(await runGuards({ guards: [publishAfterVerify], phase: 'before', context: publish })).toMatchObject({ type: 'deny', reason: 'run `verify` before `publish`' });
      const verified = { ...publish, tools: { calls: ['verify'], history: [] } };
      expect(await runGuards({ guards: [publishAfterVerify], phase: 'before', context: verified })).toMatchObject({ type: 'continue', ran: ['publish-after-verify'] });
    });

    it('should hand each guard the decision, the attempt and the phase being run', async () => {
      const seen = vi.fn((_ctx: GuardContext) => undefined);
      await runGuards({ guards: [guard('look', seen, { phase: 'after' })], phase: 'after', context: { ...AFTER, phase: 'before', attempt: 3 } });
      expect(seen.mock.calls[0]?.[0]).toMatchObject({ phase: 'after', attempt: 3, decision: { type: 'allow' }, result: 'sent: ghp_abc', resultLabels: ['untrusted'] });
    });

    it('should await async guards one after another, in order', async () => {
      const order: string[] = [];
      const slow = guard('slow', async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('slow');
        return outcome.retry('slow hint');
      });
      const fast = guard('fast', async () => {
        order.push('fast');
        return outcome.retry('fast hint');
      });
      expect(await before([slow, fast])).toEqual({ type: 'retry', hints: ['slow hint', 'fast hint'], guards: ['slow', 'fast'] });
      expect(order).toEqual(['slow', 'fast']);
    });
  });
});
