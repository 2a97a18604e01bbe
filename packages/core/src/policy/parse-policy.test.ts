import { describe, expect, it } from 'vitest';
import { InvalidPolicyError } from '../errors/invalid-policy-error.js';
import { parsePolicy, safeParsePolicy } from './parse-policy.js';

describe('parsePolicy', () => {
  it('should accept an empty policy and every section of a full one', () => {
    expect(parsePolicy({})).toEqual({});
    const policy = parsePolicy({
      $schema: './node_modules/@labelflow/core/policy.schema.json',
      defaults: { unlabeled: 'untrusted', rules: ['no-secret-exfil'], trustconflict: 'warn', autosign: ['instructions'], autoverify: true },
      operations: { exfil: ['net:w'], 'exfil:send': ['email:send'] },
      labels: { pii: { deny: ['exfil'], allow: ['op:tool:crm_update'] } },
      capabilities: { allow: ['tool:*', 'cmd:git:*', 'fs:r:./**'], deny: ['tool:delete_*'], danger: ['fs:r:~/.ssh/**'], network: { allow: ['*.example.com'] }, fs: { write: ['./tmp/**'] } },
      urls: { allow: ['docs.corp.io', 'https://corp.io/public/'] },
      tools: { send_email: { labels: ['email:send'], controlArgs: ['to'], output: { labels: ['untrusted'] }, auth: ['smtp'] } },
      auth: { smtp: { from: 'env:SMTP_TOKEN' }, github: 'GITHUB_TOKEN' },
      authorizations: { allow: { send_email: { args: { to: { oneOf: ['rita@corp.io'] } } } } },
      limits: { maxCalls: 50, maxCallsPerTool: { send_email: 3 }, spend: { max: 100, tools: { pay: 'amount' } } },
      requireApproval: ['destructive'],
      locked: true,
    });
    expect(policy.limits?.maxCalls).toBe(50);
    expect(Object.isFrozen(policy.capabilities?.allow)).toBe(true);
  });

  it('should report every issue at once, each with its path', () => {
    const result = safeParsePolicy({
      defaults: { rules: ['no-secret-exfill'], trustconflict: 'loud' },
      labels: { 'bad label': { deny: ['exfil'] } },
      capabilities: { allow: ['fs:x:/tmp'] },
      limits: { maxCalls: -1 },
      colour: 'blue',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const paths = result.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['defaults.rules.0', 'defaults.trustconflict', 'labels.bad label', 'capabilities.allow.0', 'limits.maxCalls', '']),
    );
    const rule = result.issues.find((issue) => issue.path.join('.') === 'defaults.rules.0');
    expect(rule?.message).toContain('unknown rule `no-secret-exfill`');
    expect(rule?.message).toContain('`no-secret-exfil`');
    expect(result.issues.find((issue) => issue.code === 'unrecognized_keys')?.message).toContain('`colour`');
  });

  it('should throw one InvalidPolicyError naming the source', () => {
    expect(() => parsePolicy({ locked: 'yes' }, { source: 'org.json' })).toThrowError(/policy `org.json` is invalid \(1 issue\): locked:/u);
    try {
      parsePolicy({ locked: 'yes', limits: { maxCalls: 1.5 } });
    } catch (error) {
      expect(InvalidPolicyError.isInstance(error)).toBe(true);
      if (InvalidPolicyError.isInstance(error)) expect(error.issues).toHaveLength(2);
    }
  });

  it('should parse JSON text and report text that is not JSON', () => {
    expect(parsePolicy('{"locked":true}')).toEqual({ locked: true });
    const result = safeParsePolicy('{"locked":');
    expect(result).toMatchObject({ success: false, issues: [{ code: 'invalid-json', path: [] }] });
  });

  it('should refuse an unconstrained authorization for a tool with control arguments', () => {
    const result = safeParsePolicy({
      tools: { send_email: { controlArgs: ['to'] } },
      authorizations: { allow: { send_email: true } },
    });
    expect(result).toMatchObject({ success: false, issues: [{ path: ['authorizations', 'allow', 'send_email'] }] });
  });

  it('should refuse a pinned argument with both eq and oneOf', () => {
    const result = safeParsePolicy({ authorizations: { allow: { pay: { args: { to: { eq: 'a', oneOf: ['b'] } } } } } });
    expect(result.success).toBe(false);
  });

  it('should keep hostile keys as plain data, never as prototypes', () => {
    const policy = parsePolicy(JSON.parse('{"tools":{"__proto__":{"labels":["exfil"]},"constructor":{"labels":[]}}}'));
    const tools = policy.tools ?? {};
    expect(Object.hasOwn(tools, 'constructor')).toBe(true);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['labels']).toBeUndefined();
  });
});
