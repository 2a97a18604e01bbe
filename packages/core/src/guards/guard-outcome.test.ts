import { describe, expect, it } from 'vitest';
import { outcome } from './guard-outcome.js';

describe('outcome', () => {
  it('should build every outcome as a frozen value', () => {
    const built = [
      [outcome.allow(), { type: 'allow' }],
      [outcome.deny('no'), { type: 'deny', reason: 'no' }],
      [outcome.retry('drop the link'), { type: 'retry', hint: 'drop the link' }],
      [outcome.transform({ args: { to: 'a@corp.io' } }), { type: 'transform', args: { to: 'a@corp.io' } }],
      [outcome.transform({ result: 'clean' }), { type: 'transform', result: 'clean' }],
      [outcome.requireApproval('large refund'), { type: 'require-approval', reason: 'large refund' }],
      [outcome.relabel({ add: ['pii'], args: ['body'] }), { type: 'relabel', add: ['pii'], remove: [], args: ['body'] }],
    ] as const;
    for (const [value, expected] of built) {
      expect(value).toEqual(expected);
      expect(Object.isFrozen(value)).toBe(true);
    }
  });

  it('should keep a result transform to undefined as a replacement', () => {
    const value = outcome.transform({ result: undefined });
    expect(Object.hasOwn(value, 'result')).toBe(true);
    expect('args' in value).toBe(false);
  });

  it('should default relabel lists to empty and leave args out when not given', () => {
    const value = outcome.relabel({ remove: ['untrusted'] });
    expect(value).toEqual({ type: 'relabel', add: [], remove: ['untrusted'] });
    expect(Object.hasOwn(value, 'args')).toBe(false);
    expect(Object.isFrozen(value.remove)).toBe(true);
  });

  it('should copy relabel lists so later changes to the caller array do not leak in', () => {
    const add = ['pii'];
    const value = outcome.relabel({ add });
    add.push('trusted');
    expect(value.add).toEqual(['pii']);
  });
});
