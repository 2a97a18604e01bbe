import { describe, expect, it } from 'vitest';
import { outcome } from './guard-outcome.js';
import { readGuardOutcome } from './read-guard-outcome.js';

function problemOf(value: unknown): string {
  const read = readGuardOutcome(value);
  expect(read.type).toBe('invalid');
  return read.type === 'invalid' ? read.problem : '';
}

describe('readGuardOutcome', () => {
  describe('valid outcomes', () => {
    it.each([
      outcome.allow(),
      outcome.deny('no'),
      outcome.retry('try again'),
      outcome.transform({ args: { a: 1 } }),
      outcome.transform({ result: null }),
      outcome.requireApproval('ask'),
      outcome.relabel({ add: ['pii'], remove: ['sensitive'], args: ['body'] }),
    ])('should accept %o', (value) => {
      expect(readGuardOutcome(value)).toEqual({ type: 'outcome', outcome: value });
    });

    it('should accept hand-made outcomes and fill in missing relabel lists', () => {
      expect(readGuardOutcome({ type: 'deny', reason: 'x' })).toEqual({ type: 'outcome', outcome: { type: 'deny', reason: 'x' } });
      expect(readGuardOutcome({ type: 'relabel', add: ['pii'] })).toEqual({ type: 'outcome', outcome: { type: 'relabel', add: ['pii'], remove: [] } });
    });

    it('should read undefined as no opinion', () => {
      expect(readGuardOutcome(undefined)).toEqual({ type: 'none' });
    });
  });

  describe('invalid values', () => {
    it.each([
      [null, 'got null'],
      ['allow', 'got string'],
      [true, 'got boolean'],
      [[outcome.allow()], 'got an array'],
      [{ type: 'alow' }, 'unknown outcome type "alow"'],
      [{}, 'unknown outcome type undefined'],
      [{ type: 'toString' }, 'unknown outcome type "toString"'],
      [{ type: 'deny' }, '`reason` must be a non-empty string'],
      [{ type: 'deny', reason: '   ' }, '`reason` must be a non-empty string'],
      [{ type: 'retry', hint: 3 }, '`hint` must be a non-empty string'],
      [{ type: 'allow', reason: 'x' }, 'unknown key `reason`'],
      [{ type: 'transform' }, 'exactly one of `args` or `result`'],
      [{ type: 'transform', args: {}, result: 1 }, 'exactly one of `args` or `result`'],
      [{ type: 'transform', args: ['a'] }, '`args` must be an object'],
      [{ type: 'relabel' }, 'must add or remove at least one label'],
      [{ type: 'relabel', add: 'pii' }, '`add` must be an array of labels'],
      [{ type: 'relabel', add: ['two words'] }, 'found "two words"'],
      [{ type: 'relabel', remove: [7] }, 'found 7'],
      [{ type: 'relabel', add: ['pii'], args: [] }, 'name at least one argument'],
      [{ type: 'relabel', add: ['pii'], arg: ['to'] }, 'unknown key `arg`'],
    ])('should refuse %o', (value, problem) => {
      expect(problemOf(value)).toContain(problem);
    });

    it('should refuse an outcome whose getter throws, without throwing itself', () => {
      const hostile = {
        type: 'deny',
        get reason(): string {
          throw new Error('boom');
        },
      };
      expect(problemOf(hostile)).toBe('the outcome could not be read');
    });

    it('should refuse a revoked proxy', () => {
      const { proxy, revoke } = Proxy.revocable({ type: 'allow' }, {});
      revoke();
      expect(problemOf(proxy)).toBe('the outcome could not be read');
    });
  });

  describe('copies', () => {
    it('should read each field once, so a getter cannot change the outcome after it was checked', () => {
      let reads = 0;
      const shifty = {
        type: 'deny',
        get reason(): string {
          reads += 1;
          return reads === 1 ? 'blocked' : '';
        },
      };
      const read = readGuardOutcome(shifty);
      expect(read).toEqual({ type: 'outcome', outcome: { type: 'deny', reason: 'blocked' } });
      expect(Object.isFrozen(read.type === 'outcome' ? read.outcome : undefined)).toBe(true);
    });

    it('should copy replacement arguments into a frozen object that keeps a __proto__ key as data', () => {
      const args = JSON.parse('{"__proto__": {"polluted": true}, "to": "a@corp.io"}') as Record<string, unknown>;
      const read = readGuardOutcome(outcome.transform({ args }));
      expect(read.type).toBe('outcome');
      if (read.type !== 'outcome' || read.outcome.type !== 'transform' || !('args' in read.outcome)) return;
      expect(read.outcome.args).not.toBe(args);
      expect(Object.isFrozen(read.outcome.args)).toBe(true);
      expect(Object.hasOwn(read.outcome.args, '__proto__')).toBe(true);
      expect((read.outcome.args as { polluted?: unknown }).polluted).toBeUndefined();
    });
  });
});
