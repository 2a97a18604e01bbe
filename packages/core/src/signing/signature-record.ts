import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { STATE_DIR } from '../audit/state-dir.js';
import { canonicalJson } from '../session/digest.js';
import { SigningError } from './signing-error.js';

/** Where signatures live by default, relative to the working directory. */
export const DEFAULT_SIG_DIR = join(STATE_DIR, 'sigs');

/** Domain tag signed with every template, so a template signature can never be replayed as anything else. */
export const SIGNATURE_DOMAIN = 'labelflow-template-signature-v1';

const HASH = /^sha256:[0-9a-f]{64}$/u;

/** A signature file (`<sigDir>/<name>.sig.json`). */
export const signatureRecordSchema = z.strictObject({
  version: z.literal(1),
  algorithm: z.literal('ed25519'),
  name: z.string().min(1),
  template: z.string(),
  hash: z.string().regex(HASH),
  signedBy: z.string(),
  signedAt: z.string(),
  keyId: z.string(),
  signature: z.string().regex(/^[A-Za-z0-9_-]+$/u),
});

/** What a signature file holds. */
export type SignatureRecord = z.infer<typeof signatureRecordSchema>;

/** The SHA-256 of a template's UTF-8 bytes (the same as `sha256sum` of the file). */
export function templateHash(template: string): string {
  return `sha256:${createHash('sha256').update(template, 'utf8').digest('hex')}`;
}

/** The bytes an Ed25519 signature covers: canonical JSON of the domain tag and every field but the template (its hash stands for it). */
export function signaturePayload(record: Omit<SignatureRecord, 'signature' | 'template' | 'version' | 'algorithm'>): Buffer {
  const { name, hash, signedBy, signedAt, keyId } = record;
  return Buffer.from(canonicalJson([SIGNATURE_DOMAIN, { name, hash, signedBy, signedAt, keyId }]), 'utf8');
}

const MAX_NAME = 200;

/**
 * The file a template's signature is stored in. Names may hold any printable characters; every byte outside
 * `[A-Za-z0-9_-]` is percent-encoded, so a name can never climb out of the folder (`../x`) or hide (`.x`).
 */
export function signatureFileName(name: string): string {
  // A name that cannot be stored safely is refused rather than mangled into a different one.
  if (name.length === 0 || name.length > MAX_NAME || /\p{Cc}/u.test(name)) {
    throw new SigningError({ message: `template name must be 1 to ${MAX_NAME} printable characters, got ${JSON.stringify(name.slice(0, 40))}` });
  }
  const encoded = [...Buffer.from(name, 'utf8')].map((byte) => {
    const char = String.fromCharCode(byte);
    return /[A-Za-z0-9_-]/u.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  });
  return `${encoded.join('')}.sig.json`;
}
