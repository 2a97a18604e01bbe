import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SigningError } from './signing-error.js';
import { DEFAULT_KEY_DIR, keyIdOf, loadSigningKey, loadVerifyingKey } from './signing-key.js';

function project(): string {
  return mkdtempSync(join(tmpdir(), 'labelflow-keys-'));
}

describe('loadSigningKey', () => {
  it('should create an Ed25519 key on first use, private file mode 0600, and reuse it', () => {
    const cwd = project();
    const first = loadSigningKey({ cwd });
    const dir = join(cwd, DEFAULT_KEY_DIR);
    expect(statSync(join(dir, 'signing.key')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readFileSync(join(dir, 'signing.pub'), 'utf8')).toContain('PUBLIC KEY');
    expect(existsSync(join(cwd, '.labelflow', '.gitignore'))).toBe(true);
    expect(first.keyId).toMatch(/^ed25519:[0-9a-f]{16}$/u);
    expect(loadSigningKey({ cwd }).keyId).toBe(first.keyId);
  });

  it('should use a key passed in, as a KeyObject or PEM', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    expect(loadSigningKey({ key: privateKey, cwd: project() }).keyId).toBe(keyIdOf(publicKey));
    expect(loadSigningKey({ key: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() }).keyId).toBe(keyIdOf(publicKey));
  });

  it('should refuse a public key and a key of another kind', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    expect(() => loadSigningKey({ key: publicKey })).toThrow(SigningError);
    expect(() => loadSigningKey({ key: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey })).toThrow('expected an Ed25519 key');
  });
});

describe('loadVerifyingKey', () => {
  it('should never create a key', () => {
    const cwd = project();
    expect(loadVerifyingKey({ cwd })).toBeUndefined();
    expect(existsSync(join(cwd, DEFAULT_KEY_DIR))).toBe(false);
  });

  it('should read the key folder, or take a public or private key', () => {
    const cwd = project();
    const { keyId } = loadSigningKey({ cwd });
    expect(loadVerifyingKey({ cwd })?.keyId).toBe(keyId);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    expect(loadVerifyingKey({ key: publicKey })?.keyId).toBe(keyIdOf(publicKey));
    expect(loadVerifyingKey({ key: privateKey })?.keyId).toBe(keyIdOf(publicKey));
    expect(loadVerifyingKey({ key: 'not a key' })).toBeUndefined();
  });
});
