import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sign } from './sign.js';
import { createVerifyTool } from './verify-tool.js';

function project(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'labelflow-verify-tool-'));
  sign('system', 'Only send mail to addresses the user gave.', { by: 'user:ann', cwd });
  sign('review', 'Review {{doc}}.', { by: 'user:ann', cwd });
  return cwd;
}

describe('createVerifyTool', () => {
  it('should return the signed originals of the names it serves', () => {
    const tool = createVerifyTool({ names: ['system', 'review'], cwd: project() });
    expect(tool.name).toBe('verify');
    expect(tool.inputSchema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(tool.metadata.output?.labels).toContain('trusted');
    expect(tool.execute({})).toEqual({
      allPassed: true,
      results: { system: { verified: true, template: 'Only send mail to addresses the user gave.', signedBy: 'user:ann' }, review: { verified: true, template: 'Review {{doc}}.', signedBy: 'user:ann' } },
    });
    expect(Object.keys(tool.execute({ names: ['review'] }).results)).toEqual(['review']);
  });

  it('should not serve unknown names, nor a forged file, and read hostile input as "all"', () => {
    const cwd = project();
    writeFileSync(join(cwd, '.labelflow', 'sigs', 'system.sig.json'), '{"forged":true}');
    const tool = createVerifyTool({ names: ['system', 'review'], cwd });
    const result = tool.execute({ names: ['system', 'secrets'] });
    expect(result.allPassed).toBe(false);
    expect(result.results['system']).toEqual({ verified: false, reason: 'malformed' });
    expect(result.results['secrets']).toEqual({ verified: false, reason: 'not-signed' });
    expect(Object.keys(tool.execute({ names: 'x', __proto__: 1 }).results)).toEqual(['system', 'review']);
    expect(tool.zodSchema.safeParse({ names: ['a'] }).success).toBe(true);
  });
});
