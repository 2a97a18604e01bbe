import { describe, expect, it } from 'vitest';
import { lintPolicy } from './lint-policy.js';

function codes(input: unknown): string[] {
  return lintPolicy(input).warnings.map((warning) => `${warning.code}@${warning.path.join('.')}`);
}

describe('lintPolicy', () => {
  it('should report unknown rule names as errors', () => {
    const result = lintPolicy({ defaults: { rules: ['no-secret-exfill'] } });
    expect(result.errors).toMatchObject([{ path: ['defaults', 'rules', 0], message: expect.stringContaining('unknown rule `no-secret-exfill`') }]);
  });

  it('should report labels no rule can ever match and targets no operation can carry', () => {
    expect(codes({ labels: { secrte: { deny: ['exfil'] }, pii: { deny: ['exfill'] } }, requireApproval: ['destructiv'] })).toEqual([
      'unknown-label@labels.secrte',
      'unreachable-target@labels.pii.deny.0',
      'unreachable-target@requireApproval.0',
    ]);
  });

  it('should accept labels that tools, operations or provenance produce', () => {
    expect(
      codes({
        operations: { exfil: ['email:send'] },
        tools: { crm: { labels: ['email:send'], output: { labels: ['customer-data'] } } },
        labels: { 'customer-data': { deny: ['exfil'] }, 'src:mcp': { deny: ['destructive'] }, 'pii:email': { deny: ['op:tool:crm'] } },
      }),
    ).toEqual([]);
  });

  it('should warn about an allow that can never win and one that tries to override a built-in rule', () => {
    expect(codes({ labels: { secret: { deny: ['exfil'], allow: ['exfil'] } } })).toEqual([
      'ineffective-allow@labels.secret.allow.0',
      'allow-cannot-override-builtin@labels.secret.allow.0',
    ]);
  });

  it('should warn about authorizations and operations that name undescribed tools or labels', () => {
    expect(codes({ tools: { send: { labels: ['email:send'] } }, operations: { exfil: ['net:w'] }, authorizations: { allow: { sned: true } } })).toEqual([
      'unknown-tool@authorizations.allow.sned',
      'unused-operation-label@operations.exfil.0',
    ]);
  });
});
