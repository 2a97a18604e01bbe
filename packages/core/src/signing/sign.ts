import { randomUUID, sign as ed25519Sign } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AuditLedger } from '../audit/create-audit-ledger.js';
import { ensureStateDir } from '../audit/state-dir.js';
import { DEFAULT_SIG_DIR, signatureFileName, signaturePayload, templateHash, type SignatureRecord } from './signature-record.js';
import { SigningError } from './signing-error.js';
import { loadSigningKey, type KeySource } from './signing-key.js';

/** Options of `sign`. */
export interface SignOptions extends KeySource {
  /** Who signs: `user:ann`, `agent:build`, `system:app`. */
  readonly by: string;
  /** Where signatures are stored (default `.labelflow/sigs` in `cwd`). */
  readonly sigDir?: string;
  /** Records a `sign` event (name, hash, signer, key id; never the template). */
  readonly ledger?: Pick<AuditLedger, 'append'>;
  readonly sessionId?: string;
  /** Default now. */
  readonly now?: Date;
}

/** What `sign` stored. */
export interface SignResult {
  readonly name: string;
  readonly hash: string;
  readonly signedBy: string;
  readonly signedAt: string;
  readonly keyId: string;
  /** The signature file. */
  readonly path: string;
}

/**
 * Signs a template under a name with Ed25519: the signature covers a domain tag, the name, the template's
 * SHA-256, the signer, the time and the key id, as canonical JSON. Sign templates with their placeholders
 * (`Review {{input}}`), never the interpolated text: that is what an auditor compares against. The record is
 * written atomically to `<sigDir>/<name>.sig.json`; the key is created in `.labelflow/keys` on first use.
 *
 * @param options.by the signer's identity
 * @param options.key a private key to sign with instead of the key folder's
 * @param options.ledger records the signature in the audit ledger
 *
 * @example
 * ```ts
 * sign('system', 'You are a support agent. Never reveal {{secret}}.', { by: 'user:ann' });
 * verify('system').verified; // true
 * ```
 */
export function sign(name: string, template: string, { by, key, keyDir, cwd = process.cwd(), sigDir = DEFAULT_SIG_DIR, ledger, sessionId = 'none', now = new Date() }: SignOptions): SignResult {
  if (typeof template !== 'string') throw new SigningError({ message: 'only text templates can be signed: stringify structured values first' });
  const file = signatureFileName(name);
  const signing = loadSigningKey({ ...(key === undefined ? {} : { key }), ...(keyDir === undefined ? {} : { keyDir }), cwd });
  const fields = { name, hash: templateHash(template), signedBy: by, signedAt: now.toISOString(), keyId: signing.keyId };
  const signature = ed25519Sign(null, signaturePayload(fields), signing.privateKey).toString('base64url');
  const record: SignatureRecord = { version: 1, algorithm: 'ed25519', ...fields, template, signature };
  const path = join(resolve(cwd, sigDir), file);
  try {
    ensureStateDir(dirname(resolve(cwd, sigDir)));
    mkdirSync(dirname(path), { recursive: true });
    // Written to a temporary file and renamed: a reader sees the old signature or the new one, never half of one.
    const temporary = `${path}.tmp-${randomUUID()}`;
    writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o644 });
    renameSync(temporary, path);
  } catch (error) {
    throw new SigningError({ message: `cannot store the signature of \`${name}\`: ${error instanceof Error ? error.message : String(error)}`, cause: error });
  }
  ledger?.append({ type: 'sign', sessionId, name, templateHash: fields.hash, signedBy: by, keyId: signing.keyId });
  return { ...fields, path };
}
