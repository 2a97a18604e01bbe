import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './helpers/build-cli.js';
import { labelflow, labelflowJson, tempProject } from './helpers/run-cli.js';

beforeAll(async () => {
  await buildCli();
}, 180_000);

// Each test starts the binary several times: generous timeouts for a loaded 2-core CI machine.
describe('labelflow init', { timeout: 60_000 }, () => {
  it('should create a policy with $schema, .labelflow/ with a .gitignore, and a private key only its owner can read', () => {
    const cwd = tempProject();
    const run = labelflow(cwd, 'init');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created labelflow.policy.json');
    const policy = JSON.parse(readFileSync(join(cwd, 'labelflow.policy.json'), 'utf8')) as Record<string, unknown>;
    expect(policy['$schema']).toBe('./node_modules/@labelflow/core/policy.schema.json');
    expect(readFileSync(join(cwd, '.labelflow', '.gitignore'), 'utf8')).toContain('keys/*.key');
    expect(statSync(join(cwd, '.labelflow', 'keys', 'signing.key')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(cwd, '.labelflow', 'sigs'))).toBe(true);
    expect(labelflow(cwd, 'policy', 'check', 'labelflow.policy.json').code).toBe(0);
  });

  it('should keep what exists on a second run, and overwrite the policy only with --force', () => {
    const cwd = tempProject();
    const first = labelflowJson<{ keyId: string }>(cwd, 'init', '--preset', 'production');
    const second = labelflowJson<{ created: string[]; kept: string[]; keyId: string }>(cwd, 'init');
    expect(second.code).toBe(0);
    expect(second.json.created).toEqual([]);
    expect(second.json.kept).toEqual(expect.arrayContaining(['labelflow.policy.json', '.labelflow/keys/signing.key']));
    expect(second.json.keyId).toBe(first.json.keyId);
    expect(readFileSync(join(cwd, 'labelflow.policy.json'), 'utf8')).toContain('"locked": true');
    expect(labelflowJson<{ created: string[] }>(cwd, 'init', '--force', '--preset', 'sandbox').json.created).toEqual(['labelflow.policy.json']);
  });

  it('should refuse an unknown preset with a usage error', () => {
    const run = labelflow(tempProject(), 'init', '--preset', 'yolo');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown preset `yolo`');
  });
});
