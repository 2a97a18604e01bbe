import { describe, expect, it } from 'vitest';
import { readApprovalAnswer, refusalDecision } from './approval-interrupt.js';

describe('readApprovalAnswer', () => {
  it.each([
    [{ decisions: [{ type: 'approve' }] }, { approved: true }],
    [{ decisions: [{ type: 'reject', message: 'no' }] }, { approved: false, message: 'no' }],
    [{ decisions: [{ type: 'reject' }] }, { approved: false }],
    [{ decisions: [{ type: 'edit', editedAction: { name: 'send_email', args: {} } }] }, { approved: false, message: expect.stringContaining('edited') }],
    [{ decisions: [] }, { approved: false, message: expect.any(String) }],
    [true, { approved: false, message: expect.any(String) }],
    ['approve', { approved: false, message: expect.any(String) }],
    [undefined, { approved: false, message: expect.any(String) }],
  ])('should read %j', (value, expected) => {
    expect(readApprovalAnswer(value)).toEqual(expected);
  });
});

describe('refusalDecision', () => {
  it('should deny with the approval rule, keeping the argument labels', () => {
    expect(refusalDecision('send_email', { to: ['known'] })).toMatchObject({ type: 'deny', code: 'approval-denied', ruleIds: ['approval'], argLabels: { to: ['known'] }, overridable: false });
  });
});
