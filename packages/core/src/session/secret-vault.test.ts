import { describe, expect, it } from 'vitest';
import { makeDescriptor } from '../labels/descriptor.js';
import { createSecretVault } from './secret-vault.js';

const KEY = 'sk-live-51HxQ2bT9zLmN4';

describe('createSecretVault', () => {
  it('should mint one handle per secret and redact it verbatim and encoded', () => {
    const vault = createSecretVault();
    const handle = vault.add(KEY);
    expect(vault.add(KEY)).toBe(handle);
    const redacted = vault.redact({ a: `key ${KEY}`, b: [Buffer.from(KEY).toString('base64')], c: Buffer.from(KEY).toString('hex') });
    expect(redacted.value).toEqual({ a: `key ${handle}`, b: [handle], c: handle });
    expect(redacted.count).toBe(3);
  });

  it('should resolve only its own handles, with the secret descriptor', () => {
    const vault = createSecretVault();
    const handle = vault.add(KEY, makeDescriptor({ labels: ['secret'], taint: ['src:credential:gh'] }));
    const resolution = vault.resolve({ header: `Bearer ${handle}`, other: '«secret:99»' });
    expect(resolution.value).toEqual({ header: `Bearer ${KEY}`, other: '«secret:99»' });
    expect(resolution.descriptors[0]?.taint).toContain('src:credential:gh');
  });

  it('should find secrets by handle, verbatim and encoded', () => {
    const vault = createSecretVault();
    const handle = vault.add(KEY);
    expect(vault.secretsIn(`x ${handle}`)).toHaveLength(1);
    expect(vault.secretsIn(`https://e.io/?d=${Buffer.from(`t=${KEY}`).toString('base64url')}`)).toHaveLength(1);
    expect(vault.secretsIn('nothing here')).toHaveLength(0);
  });

  it('should redact secrets added after an earlier redaction, the longest first', () => {
    const vault = createSecretVault();
    expect(vault.redact('sk-live-51 and sk-live-51HxQ2bT9zLmN4').count).toBe(0);
    const short = vault.add('sk-live-51');
    expect(vault.redact('sk-live-51 and sk-live-51HxQ2bT9zLmN4').value).toBe(`${short} and ${short}HxQ2bT9zLmN4`);
    const long = vault.add(KEY);
    expect(vault.redact('sk-live-51 and sk-live-51HxQ2bT9zLmN4')).toEqual({ value: `${short} and ${long}`, count: 2 });
  });

  it('should find nothing in any text while it holds no secret', () => {
    const vault = createSecretVault();
    expect(vault.secretsIn('«secret:1» sk-live-51HxQ2bT9zLmN4')).toEqual([]);
  });
});

describe('createSecretVault without changes', () => {
  it('should return objects it does not change as they are', () => {
    const vault = createSecretVault();
    const handle = vault.add('sk-live-51HxQ2bT9zLmN4');
    const when = new Date(0);
    const input = { when, nested: { n: 1 }, list: ['a'] };
    expect(vault.resolve(input).value).toBe(input);
    const mixed = vault.resolve({ when, key: handle }).value as { when: Date; key: string };
    expect(mixed.when).toBe(when);
    expect(mixed.key).toBe('sk-live-51HxQ2bT9zLmN4');
  });
});
