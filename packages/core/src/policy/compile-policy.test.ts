import { describe, expect, it } from 'vitest';
import { InvalidPolicyError } from '../errors/invalid-policy-error.js';
import { DEFAULT_RULE_IDS } from './builtin-rules.js';
import { compilePolicy, composePolicies } from './compile-policy.js';
import type { Policy } from './policy-schema.js';

describe('compilePolicy', () => {
  it('should turn on every default rule when defaults.rules is omitted', () => {
    const compiled = compilePolicy({});
    expect([...compiled.rules].sort()).toEqual([...DEFAULT_RULE_IDS].sort());
    expect(compiled.rules.has('no-send-to-external')).toBe(false);
    expect(compiled.unlabeled).toBe('untrusted');
    expect(compiled.locked).toBe(false);
  });

  it('should run exactly the listed rules when defaults.rules is given', () => {
    expect([...compilePolicy({ defaults: { rules: ['no-secret-exfil'] } }).rules]).toEqual(['no-secret-exfil']);
  });

  it('should combine layers strictly', () => {
    const compiled = composePolicies([
      { defaults: { rules: ['no-secret-exfil'], unlabeled: 'trusted', trustconflict: 'warn' }, operations: { exfil: ['net:w'] } },
      { defaults: { rules: ['no-untrusted-destructive'], unlabeled: 'trusted', trustconflict: 'error' }, operations: { exfil: ['email:send'] }, locked: true },
    ]);
    expect([...compiled.rules].sort()).toEqual(['no-secret-exfil', 'no-untrusted-destructive']);
    expect(compiled.operations.get('exfil')).toEqual(['net:w', 'email:send']);
    expect(compiled.unlabeled).toBe('trusted');
    expect(compiled.trustConflict).toBe('error');
    expect(compiled.locked).toBe(true);
    expect(compiled.layers).toHaveLength(2);
  });

  it('should make the stance untrusted when any layer leaves it out', () => {
    expect(composePolicies([{ defaults: { unlabeled: 'trusted' } }, {}]).unlabeled).toBe('untrusted');
  });

  it('should merge tool metadata over layers as unions', () => {
    const compiled = compilePolicy([
      { tools: { send: { labels: ['exfil:send'], controlArgs: ['to'] } } },
      { tools: { send: { controlArgs: ['cc'], output: { labels: ['untrusted'] } } } },
    ]);
    expect(compiled.tools.get('send')).toMatchObject({ labels: ['exfil:send'], controlArgs: ['to', 'cc'], outputLabels: ['untrusted'] });
  });

  it('should accept compiled layers and list the issues of every invalid layer with its index', () => {
    const base = compilePolicy({ locked: true });
    expect(compilePolicy([base, {}]).layers).toHaveLength(2);
    try {
      compilePolicy([{ locked: 1 }, {}, { limits: { maxCalls: 'x' } }] as unknown as Policy[]);
      expect.unreachable();
    } catch (error) {
      expect(InvalidPolicyError.isInstance(error)).toBe(true);
      if (InvalidPolicyError.isInstance(error)) expect(error.issues.map((issue) => issue.path)).toEqual([[0, 'locked'], [2, 'limits', 'maxCalls']]);
    }
  });

  it('should hand back a compiled policy as it is, so what is remembered per policy outlives each session', () => {
    const compiled = compilePolicy({ defaults: { rules: ['no-send-to-unknown'] } });

    expect(compilePolicy(compiled)).toBe(compiled);
    expect(compilePolicy([compiled])).not.toBe(compiled);
  });

  it('should refuse to compile no layers at all', () => {
    expect(() => compilePolicy([])).toThrowError(/at least one policy layer/u);
  });
});
