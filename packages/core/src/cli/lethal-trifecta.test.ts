import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../policy/compile-policy.js';
import { lethalTrifecta, UNDESCRIBED_TOOL } from './lethal-trifecta.js';

const TOOLS = {
  read_inbox: { labels: [], output: { labels: ['untrusted'] } },
  get_profile: { labels: [], output: { labels: ['trusted'], secretPaths: ['apiKey'] } },
  send_email: { labels: ['exfil:send'], controlArgs: ['to'] },
  http_get: { labels: ['exfil:fetch'], controlArgs: ['url'] },
  list_files: { labels: [], output: { labels: ['trusted'] } },
};

describe('lethalTrifecta', () => {
  it('should name the three legs and find every exfil tool blocked under the default rules', () => {
    const report = lethalTrifecta(compilePolicy({ tools: TOOLS, auth: { github: 'GITHUB_TOKEN' } }));
    expect(report.untrustedSources).toEqual(['read_inbox', 'send_email', 'http_get', UNDESCRIBED_TOOL]);
    expect(report.secretSources).toEqual(['get_profile', 'credential:github']);
    expect(report.exfilTools.map((tool) => [tool.tool, tool.status])).toEqual([
      ['send_email', 'blocked'],
      ['http_get', 'blocked'],
      [UNDESCRIBED_TOOL, 'blocked'],
    ]);
    expect(report.exfilTools[0]?.probes.secretToAttacker.ruleIds).toEqual(expect.arrayContaining(['no-secret-exfil', 'no-send-to-unknown']));
    expect(report.exfilTools[0]?.probes.secretToKnown).toEqual({ decision: 'deny', ruleIds: ['no-secret-exfil'] });
    expect(report).toMatchObject({ complete: true, exposed: [] });
  });

  it('should report tools as exposed when the rules that would stop a leak are off', () => {
    const report = lethalTrifecta(compilePolicy({ tools: TOOLS, defaults: { rules: ['no-send-to-unknown'] } }));
    const byTool = Object.fromEntries(report.exfilTools.map((tool) => [tool.tool, tool]));
    expect(byTool['send_email']?.status).toBe('blocked');
    expect(byTool['send_email']?.probes.secretToKnown.decision).toBe('allow');
    expect(byTool['http_get']?.status).toBe('exposed');
    expect(report.exposed).toEqual(['http_get', UNDESCRIBED_TOOL]);
  });

  it('should say when only a person stands between a secret and the attacker', () => {
    const report = lethalTrifecta(compilePolicy({ tools: { post: { labels: ['net:w'] } }, operations: { exfil: ['net:w'] }, defaults: { rules: [] }, requireApproval: ['exfil'] }));
    expect(report.exfilTools.find((tool) => tool.tool === 'post')?.status).toBe('approval');
  });

  it('should treat a tool the capabilities forbid as blocked', () => {
    const report = lethalTrifecta(compilePolicy({ tools: TOOLS, defaults: { rules: [] }, capabilities: { allow: ['tool:read_inbox', 'tool:send_email'] } }));
    const byTool = Object.fromEntries(report.exfilTools.map((tool) => [tool.tool, tool]));
    expect(byTool['http_get']).toMatchObject({ status: 'blocked', probes: { secretToAttacker: { ruleIds: expect.arrayContaining([expect.stringMatching(/capabilit/u)]) } } });
    expect(byTool['send_email']?.status).toBe('exposed');
  });

  it('should not be complete when the policy names no secrets', () => {
    expect(lethalTrifecta(compilePolicy({ tools: { read_inbox: TOOLS.read_inbox, send_email: TOOLS.send_email } })).complete).toBe(false);
  });
});
