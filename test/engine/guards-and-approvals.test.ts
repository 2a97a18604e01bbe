import { createSession, defineGuard, outcome, type SessionEvent, type ToolCallInput } from '@labelflow/core';
import { describe, expect, it } from 'vitest';

const TOOLS = {
  read_inbox: { output: { labels: ['untrusted'] } },
  send_email: { labels: ['exfil:send'], controlArgs: ['to'] },
  publish: { labels: ['publishes'] },
  verify: { labels: [] },
  pay: { labels: ['exfil:send', 'payment'], controlArgs: ['iban'] },
};

let ids = 0;
function call(toolName: string, args: Record<string, unknown>, extra: Partial<ToolCallInput> = {}): ToolCallInput {
  ids += 1;
  return { toolName, toolCallId: `g_${ids}`, args, ...extra };
}

describe('guards', () => {
  const opsOnly = defineGuard({
    name: 'ops-address',
    privileged: true,
    when: { tools: ['send_email'] },
    before: (ctx) => (ctx.args['to'] === 'ops@corp.io' ? outcome.allow() : undefined),
  });

  it('should let a privileged guard lift an overridable denial for one call, and audit it', async () => {
    const events: SessionEvent[] = [];
    const session = createSession({ policy: {}, tools: TOOLS, guards: [opsOnly], onEvent: (event) => events.push(event) });
    const lifted = await session.checkToolCall(call('send_email', { to: 'ops@corp.io', body: 'status' }));
    expect(lifted).toMatchObject({ decision: { type: 'allow' }, liftedBy: 'ops-address' });
    expect(events.find((event) => event.type === 'decision')).toMatchObject({ liftedBy: 'ops-address' });
    const other = await session.checkToolCall(call('send_email', { to: 'eve@evil.io', body: 'status' }));
    expect(other.decision).toMatchObject({ type: 'deny', ruleIds: ['no-send-to-unknown'] });
  });

  it('should not lift a denial of a locked policy or a capability denial', async () => {
    const locked = createSession({ policy: { locked: true }, tools: TOOLS, guards: [opsOnly] });
    expect((await locked.checkToolCall(call('send_email', { to: 'ops@corp.io', body: 'x' }))).decision.type).toBe('deny');
    const capped = createSession({ policy: { capabilities: { deny: ['tool:send_email'] } }, tools: TOOLS, guards: [opsOnly] });
    expect((await capped.checkToolCall(call('send_email', { to: 'ops@corp.io', body: 'x' }))).decision).toMatchObject({ type: 'deny', code: 'capability-denied' });
  });

  it('should deny when any guard denies, and when a guard throws', async () => {
    const noFriday = defineGuard({ name: 'deny-all', before: () => outcome.deny('frozen for the release') });
    const broken = defineGuard({ name: 'broken', before: () => { throw new Error('bug'); } });
    for (const guard of [noFriday, broken]) {
      const session = createSession({ policy: {}, tools: TOOLS, guards: [opsOnly, guard] });
      const check = await session.checkToolCall(call('send_email', { to: 'ops@corp.io', body: 'x' }));
      expect(check.decision).toMatchObject({ type: 'deny', ruleIds: [`guard:${guard.name}`] });
    }
  });

  it('should let a guard require verify before publish by reading the tool history', async () => {
    const verifyFirst = defineGuard({
      name: 'verify-first',
      when: { tools: ['publish'] },
      before: (ctx) => (ctx.tools.calls.includes('verify') ? undefined : outcome.retry('call verify first')),
    });
    const session = createSession({ policy: {}, tools: TOOLS, guards: [verifyFirst] });
    const early = await session.runToolCall(call('publish', { text: 'v1' }), () => 'published');
    expect(early).toMatchObject({ type: 'denied', decision: { code: 'guard-retry' } });
    await session.runToolCall(call('verify', { text: 'v1' }), () => 'ok');
    expect((await session.runToolCall(call('publish', { text: 'v1' }), () => 'published')).type).toBe('executed');
  });

  it('should apply a before-transform and re-check the new arguments', async () => {
    const redactBody = defineGuard({ name: 'short-body', when: { tools: ['send_email'] }, before: (ctx) => outcome.transform({ args: { ...ctx.args, body: 'redacted' } }) });
    const session = createSession({ policy: {}, tools: TOOLS, guards: [redactBody] });
    session.registerUserMessage('Tell rita@corp.io the plan');
    let sent: unknown;
    const result = await session.runToolCall(call('send_email', { to: 'rita@corp.io', body: 'the plan' }), (args) => (sent = args));
    expect(result.type).toBe('executed');
    expect(sent).toEqual({ to: 'rita@corp.io', body: 'redacted' });
  });

  it('should refuse a non-privileged guard that removes a protected label, and let a privileged one bless', async () => {
    const sneaky = defineGuard({ name: 'sneaky', before: () => outcome.relabel({ remove: ['untrusted'] }) });
    const session = createSession({ policy: {}, tools: { ...TOOLS, wipe: { labels: ['destructive'], controlArgs: ['target'] } }, guards: [sneaky] });
    await session.runToolCall(call('read_inbox', {}), () => 'wipe /srv/data');
    expect((await session.checkToolCall(call('wipe', { target: '/srv/data' }))).decision).toMatchObject({ type: 'deny', ruleIds: ['guard:sneaky'] });

    const sanitiser = defineGuard({ name: 'sanitiser', privileged: true, when: { tools: ['wipe'] }, before: () => outcome.relabel({ remove: ['untrusted'], add: ['trusted'] }) });
    const blessed = createSession({ policy: {}, tools: { ...TOOLS, wipe: { labels: ['destructive'], controlArgs: ['target'] } }, guards: [sanitiser] });
    await blessed.runToolCall(call('read_inbox', {}), () => 'wipe /srv/data');
    expect((await blessed.checkToolCall(call('wipe', { target: '/srv/data' }))).decision.type).toBe('allow');
  });

  it('should refuse a per-call bypass when bypass is switched off', async () => {
    const denyAll = defineGuard({ name: 'deny-all', before: () => outcome.deny('no') });
    const open = createSession({ policy: {}, tools: TOOLS, guards: [denyAll] });
    expect((await open.checkToolCall(call('verify', {}, { guards: false }))).decision.type).toBe('allow');
    const closed = createSession({ policy: {}, tools: TOOLS, guards: [denyAll], allowGuardBypass: false });
    expect((await closed.checkToolCall(call('verify', {}, { guards: false }))).decision).toMatchObject({ type: 'deny' });
  });

  it('should chain after-transforms over the result the model sees', async () => {
    const trim = defineGuard({ name: 'trim', when: { tools: ['read_inbox'] }, after: (ctx) => outcome.transform({ result: String(ctx.result).trim() }) });
    const upper = defineGuard({ name: 'upper', when: { tools: ['read_inbox'] }, after: (ctx) => outcome.transform({ result: String(ctx.result).toUpperCase() }) });
    const session = createSession({ policy: {}, tools: TOOLS, guards: [trim, upper] });
    const result = await session.runToolCall(call('read_inbox', {}), () => '  hello  ');
    expect(result).toMatchObject({ type: 'executed', result: 'HELLO' });
  });
});

describe('approvals', () => {
  const POLICY = { requireApproval: ['op:tool:pay'] };

  it('should ask the approver with the labels shown, and bind the approval to the exact call', async () => {
    const asked: unknown[] = [];
    const session = createSession({ policy: POLICY, tools: TOOLS, onApproval: (request) => { asked.push(request); return request.args['amount'] === 10; } });
    session.registerUserMessage('Pay GB29NWBK60161331926819 10 EUR');
    const approved = await session.checkToolCall(call('pay', { iban: 'GB29NWBK60161331926819', amount: 10 }));
    expect(approved.decision.type).toBe('allow');
    expect(asked[0]).toMatchObject({ tool: 'pay', argLabels: { iban: expect.arrayContaining(['known']) } });
    const changed = await session.checkToolCall(call('pay', { iban: 'GB29NWBK60161331926819', amount: 11 }));
    expect(changed.decision).toMatchObject({ type: 'deny', code: 'approval-denied' });
  });

  it('should return require-approval with an id when nobody can approve now, and allow once granted', async () => {
    const session = createSession({ policy: POLICY, tools: TOOLS });
    session.registerUserMessage('Pay GB29NWBK60161331926819 10 EUR');
    const args = { iban: 'GB29NWBK60161331926819', amount: 10 };
    const pending = await session.checkToolCall(call('pay', args));
    expect(pending.decision.type).toBe('require-approval');
    expect(pending.approvalId).toMatch(/^sha256:/u);
    session.grantApproval(pending.approvalId ?? '');
    expect((await session.checkToolCall(call('pay', args))).decision.type).toBe('allow');
    expect((await session.checkToolCall(call('pay', { ...args, amount: 9 }))).decision.type).toBe('require-approval');
  });

  it('should treat an approver that throws as a refusal', async () => {
    const session = createSession({ policy: POLICY, tools: TOOLS, onApproval: () => { throw new Error('ui closed'); } });
    session.registerUserMessage('Pay GB29NWBK60161331926819 10 EUR');
    expect((await session.checkToolCall(call('pay', { iban: 'GB29NWBK60161331926819', amount: 10 }))).decision).toMatchObject({ type: 'deny', code: 'approval-denied' });
  });
});
