import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCredential } from './resolve-credential.js';

describe('resolveCredential', () => {
  it('should read env and file credentials', async () => {
    expect(await resolveCredential({ name: 'gh', from: 'env:GH' }, { env: { GH: 'token' } })).toEqual({ type: 'resolved', value: 'token' });
    const file = join(mkdtempSync(join(tmpdir(), 'labelflow-')), 'token');
    writeFileSync(file, 'from-file\n');
    expect(await resolveCredential({ name: 'f', from: `file:${file}` })).toEqual({ type: 'resolved', value: 'from-file' });
  });

  it('should use the custom provider for other schemes', async () => {
    const provider = ({ from }: { from: string }) => (from === 'vault:kv/gh' ? 'v' : undefined);
    expect(await resolveCredential({ name: 'gh', from: 'vault:kv/gh' }, { provider })).toEqual({ type: 'resolved', value: 'v' });
    expect((await resolveCredential({ name: 'gh', from: 'vault:other' }, { provider })).type).toBe('unavailable');
  });

  it('should report, never throw, when a credential is missing or a provider fails', async () => {
    expect(await resolveCredential({ name: 'gh', from: 'env:NOPE' }, { env: {} })).toMatchObject({ type: 'unavailable', reason: expect.stringContaining('`gh`') });
    expect(await resolveCredential({ name: 'x', from: 'file:/nonexistent/labelflow' })).toMatchObject({ type: 'unavailable' });
    expect(await resolveCredential({ name: 'x', from: 'vault:a' })).toMatchObject({ type: 'unavailable', reason: expect.stringContaining('no provider') });
    const failing = () => {
      throw new Error('vault down');
    };
    expect(await resolveCredential({ name: 'x', from: 'vault:a' }, { provider: failing })).toMatchObject({ type: 'unavailable', reason: expect.stringContaining('vault down') });
  });
});
