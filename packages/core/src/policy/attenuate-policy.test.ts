import { describe, expect, it } from 'vitest';
import { PolicyWideningError } from '../errors/policy-widening-error.js';
import { attenuatePolicy } from './attenuate-policy.js';
import { compilePolicy } from './compile-policy.js';

const PARENT = compilePolicy({
  capabilities: { allow: ['tool:read_*', 'tool:send_email', 'cmd:git:*'], danger: ['cmd:git:push:*:--force'], network: { allow: ['*.corp.io'] } },
  labels: { pii: { deny: ['exfil'], allow: ['op:tool:crm_update'] } },
  authorizations: { allow: { send_email: { args: { to: 'rita@corp.io' } }, archive: true } },
  limits: { maxCalls: 20, spend: { max: 100, tools: { pay: 'amount' } } },
  locked: true,
});

function wideningPaths(child: Parameters<typeof attenuatePolicy>[1]): string[] {
  try {
    attenuatePolicy(PARENT, child);
    return [];
  } catch (error) {
    if (!PolicyWideningError.isInstance(error)) throw error;
    return error.issues.map((issue) => issue.path.join('.'));
  }
}

describe('attenuatePolicy', () => {
  it('should accept a child that only narrows and return the composition', () => {
    const child = attenuatePolicy(PARENT, {
      capabilities: { allow: ['tool:read_inbox', 'cmd:git:status'], network: { allow: ['api.corp.io'] } },
      limits: { maxCalls: 5 },
      authorizations: { allow: { send_email: { args: { to: 'rita@corp.io' } } } },
    });
    expect(child.layers).toHaveLength(2);
    expect(child.locked).toBe(true);
  });

  it('should list every attempt to widen', () => {
    const paths = wideningPaths({
      capabilities: { allow: ['tool:*', 'cmd:curl'], danger: ['fs:r:~/.ssh/**'], network: { allow: ['*.evil.com'] } },
      labels: { pii: { allow: ['exfil:send'] } },
      authorizations: { allow: { delete_all: true, send_email: true } },
      limits: { maxCalls: 50, spend: { max: 1000, tools: { pay: 'amount' } } },
      locked: false,
      defaults: { unlabeled: 'trusted' },
      urls: { allow: ['evil.com'] },
    });
    expect(paths).toEqual(
      expect.arrayContaining([
        'capabilities.allow.0',
        'capabilities.allow.1',
        'capabilities.danger.0',
        'capabilities.network.allow.0',
        'labels.pii.allow.0',
        'authorizations.allow.delete_all',
        'authorizations.allow.send_email',
        'limits.maxCalls',
        'limits.spend.max',
        'locked',
        'defaults.unlabeled',
        'urls.allow.0',
      ]),
    );
    expect(paths).toHaveLength(12);
  });

  it('should accept a parent given as a plain policy', () => {
    expect(() => attenuatePolicy({ capabilities: { allow: ['tool:a'] } }, { capabilities: { allow: ['tool:b'] } })).toThrowError(
      /child policy widens its parent \(1 issue\): capabilities\.allow\[0\]: `tool:b` is not allowed by the parent policy/u,
    );
  });
});
