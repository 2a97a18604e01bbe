import { describe, expect, it } from 'vitest';
import { allowDecision, denyDecision, requireApprovalDecision, violation } from './decision.js';

const SECRET = violation({ ruleId: 'no-secret-exfil', reason: "label 'secret' cannot flow to 'exfil'", suggestion: 'leave the secret out', args: ['body'], labels: ['secret'] });

describe('denyDecision', () => {
  it('should gather rule ids, reasons, arguments and labels from its violations and explain itself', () => {
    const decision = denyDecision({ tool: 'send_email', code: 'policy-denied', violations: [SECRET, SECRET], overridable: true });
    expect(decision).toMatchObject({ type: 'deny', ruleIds: ['no-secret-exfil'], args: ['body'], labels: ['secret'], suggestions: ['leave the secret out'] });
    expect(decision.message).toBe(
      "policy denied `send_email`: label 'secret' cannot flow to 'exfil' in argument `body` (rule no-secret-exfil); label 'secret' cannot flow to 'exfil' in argument `body` (rule no-secret-exfil); to fix: leave the secret out",
    );
    expect(Object.isFrozen(decision)).toBe(true);
  });
});

describe('allowDecision', () => {
  it('should carry no rule ids', () => {
    expect(allowDecision({ tool: 'read' })).toMatchObject({ type: 'allow', code: 'allowed', ruleIds: [], message: 'policy allowed `read`' });
  });
});

describe('requireApprovalDecision', () => {
  it('should name the operation that needs approval', () => {
    const approval = violation({ ruleId: 'requireApproval', reason: 'this operation requires approval', suggestion: 'approve it', target: 'destructive' });
    expect(requireApprovalDecision({ tool: 'wipe', violations: [approval] })).toMatchObject({
      type: 'require-approval',
      message: '`wipe` needs approval: this operation requires approval (`destructive`) (rule requireApproval)',
    });
  });
});
