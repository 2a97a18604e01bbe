import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuditLedger } from '../audit/create-audit-ledger.js';
import { createMemoryLedgerStore } from '../audit/memory-ledger-store.js';
import { sign } from './sign.js';
import { signatureRecordSchema, templateHash } from './signature-record.js';
import { SigningError } from './signing-error.js';

const TEMPLATE = 'You are a support agent. Answer {{question}} politely.';

describe('sign', () => {
  it('should store an Ed25519 signature record under .labelflow/sigs', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'labelflow-sign-'));
    const result = sign('support', TEMPLATE, { by: 'user:ann', cwd, now: new Date(0) });
    expect(result).toMatchObject({ name: 'support', hash: templateHash(TEMPLATE), signedBy: 'user:ann', signedAt: '1970-01-01T00:00:00.000Z', path: join(cwd, '.labelflow', 'sigs', 'support.sig.json') });
    const record = signatureRecordSchema.parse(JSON.parse(readFileSync(result.path, 'utf8')));
    expect(record).toMatchObject({ version: 1, algorithm: 'ed25519', template: TEMPLATE, keyId: result.keyId });
    expect(Buffer.from(record.signature, 'base64url')).toHaveLength(64);
  });

  it('should record the signature, never the template, in the ledger', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'labelflow-sign-'));
    const ledger = createAuditLedger({ store: createMemoryLedgerStore() });
    sign('support', TEMPLATE, { by: 'user:ann', cwd, ledger, sessionId: 'cli' });
    const [record] = ledger.history();
    expect(record).toMatchObject({ type: 'sign', sessionId: 'cli', name: 'support', templateHash: templateHash(TEMPLATE), signedBy: 'user:ann' });
    expect(JSON.stringify(record)).not.toContain('support agent');
  });

  it('should refuse names that cannot be stored and values that are not text', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'labelflow-sign-'));
    expect(() => sign('', TEMPLATE, { by: 'x', cwd })).toThrow(SigningError);
    expect(() => sign('x', { a: 1 } as unknown as string, { by: 'x', cwd })).toThrow('only text templates can be signed');
  });
});
