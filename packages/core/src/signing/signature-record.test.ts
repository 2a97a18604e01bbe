import { describe, expect, it } from 'vitest';
import { SIGNATURE_DOMAIN, signatureFileName, signaturePayload, templateHash } from './signature-record.js';
import { SigningError } from './signing-error.js';

describe('signatureFileName', () => {
  it.each([
    ['system', 'system.sig.json'],
    ['review-prompt_v2', 'review-prompt_v2.sig.json'],
    ['../../etc/passwd', '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd.sig.json'],
    ['.hidden', '%2Ehidden.sig.json'],
    ['prompt é', 'prompt%20%C3%A9.sig.json'],
  ])('should store %j as %j', (name, file) => {
    expect(signatureFileName(name)).toBe(file);
  });

  it.each([[''], ['a\u0000b'], ['x'.repeat(201)]])('should refuse %j', (name) => {
    expect(() => signatureFileName(name)).toThrow(SigningError);
  });
});

describe('signaturePayload', () => {
  it('should start with the domain tag and not depend on key order', () => {
    const fields = { name: 'system', hash: templateHash('hi'), signedBy: 'user:ann', signedAt: '2026-01-01T00:00:00.000Z', keyId: 'ed25519:00' };
    const payload = signaturePayload(fields).toString();
    expect(payload.startsWith(`["${SIGNATURE_DOMAIN}",`)).toBe(true);
    expect(signaturePayload({ keyId: fields.keyId, signedAt: fields.signedAt, signedBy: fields.signedBy, hash: fields.hash, name: fields.name }).toString()).toBe(payload);
  });

  it('should hash templates like sha256sum', () => {
    expect(templateHash('hello\n')).toBe('sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03');
  });
});
