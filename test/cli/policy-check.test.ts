import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './helpers/build-cli.js';
import { labelflow, labelflowJson, tempProject } from './helpers/run-cli.js';

beforeAll(async () => {
  await buildCli();
}, 180_000);

const GUARDED = {
  operations: { 'exfil:send': ['email:send'], exfil: ['net:w'] },
  tools: {
    read_inbox: { labels: [], output: { labels: ['untrusted'] } },
    send_email: { labels: ['email:send'], controlArgs: ['to'] },
    list_issues: { labels: [], auth: ['github'] },
  },
};

function project(files: Record<string, unknown>): string {
  const cwd = tempProject();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(cwd, name), typeof content === 'string' ? content : JSON.stringify(content));
  return cwd;
}

// Each test starts the binary several times: generous timeouts for a loaded 2-core CI machine.
describe('labelflow policy check', { timeout: 60_000 }, () => {
  it('should accept a valid policy and report the trifecta as blocked', () => {
    const cwd = project({ 'policy.json': GUARDED });
    const run = labelflow(cwd, 'policy', 'check', 'policy.json');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('policy policy.json: valid');
    expect(run.stdout).toContain('untrusted data from: read_inbox');
    expect(run.stdout).toContain('secrets from:        list_issues');
    expect(run.stdout).toMatch(/send_email \[exfil:send\]: blocked/u);
    expect(run.stdout).toContain("secret → attacker's destination: deny (no-secret-exfil");
  });

  it('should fail when untrusted data, secrets and a way out meet with nothing in between', () => {
    const cwd = project({ 'open.json': { ...GUARDED, defaults: { rules: ['untrusted-llms-get-influenced'] }, tools: { ...GUARDED.tools, http_post: { labels: ['net:w'], controlArgs: ['url'] } } } });
    const run = labelflow(cwd, 'policy', 'check', 'open.json');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('http_post [exfil]: EXPOSED');
    expect(run.stdout).toContain('an injected model could send secrets out through send_email, http_post, (undescribed tool)');
    const json = labelflowJson<{ trifecta: { exposed: string[]; complete: boolean } }>(cwd, 'policy', 'check', 'open.json');
    expect(json.code).toBe(1);
    expect(json.json.trifecta).toMatchObject({ complete: true, exposed: ['send_email', 'http_post', '(undescribed tool)'] });
  });

  it('should list schema errors with their paths', () => {
    const cwd = project({ 'bad.json': { defaults: { rules: ['no-secret-exfill'] }, capabilities: { allow: [3] }, extra: true } });
    const run = labelflow(cwd, 'policy', 'check', 'bad.json');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('INVALID (3 errors)');
    expect(run.stdout).toContain('defaults.rules[0]: unknown rule `no-secret-exfill`');
    expect(run.stdout).toContain('capabilities.allow[0]:');
    expect(run.stdout).toContain('(root): unknown key `extra`');
    const json = labelflowJson<{ valid: boolean; errors: { path: unknown[] }[] }>(cwd, 'policy', 'check', 'bad.json');
    expect(json.json.valid).toBe(false);
    expect(json.json.errors.map((issue) => issue.path)).toContainEqual(['defaults', 'rules', 0]);
  });

  it('should report lint warnings, and fail on them only with --strict', () => {
    const cwd = project({ 'warn.json': { ...GUARDED, labels: { custmer: { deny: ['exfil'] } } } });
    const run = labelflow(cwd, 'policy', 'check', 'warn.json');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('warning labels.custmer:');
    expect(labelflow(cwd, 'policy', 'check', 'warn.json', '--strict').code).toBe(1);
  });

  it('should exit 3 for a missing file and 1 for text that is not JSON', () => {
    const cwd = project({ 'broken.json': '{ "tools": ' });
    const missing = labelflow(cwd, 'policy', 'check', 'nope.json');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('no policy file at `nope.json`');
    const broken = labelflow(cwd, 'policy', 'check', 'broken.json');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('not valid JSON');
    expect(labelflow(cwd, 'policy', 'check', 'policy.yaml').code).toBe(2);
  });
});
