import { verify as ed25519Verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AuditLedger } from '../audit/create-audit-ledger.js';
import { DEFAULT_SIG_DIR, signatureFileName, signaturePayload, signatureRecordSchema, templateHash, type SignatureRecord } from './signature-record.js';
import { loadVerifyingKey, type KeySource } from './signing-key.js';

/** Why a verification failed. */
export type VerifyFailure =
  /** No signature is stored under the name. */
  | 'not-signed'
  /** The signature file is not a well-formed signature record, or the name is not one that can be stored. */
  | 'malformed'
  /** The file is the signature of another name (files were swapped). */
  | 'name-mismatch'
  /** The stored template does not match its signed hash. */
  | 'template-modified'
  /** There is no key to verify with. */
  | 'no-key'
  /** The signature does not verify with the key: forged, or signed with another key. */
  | 'bad-signature'
  /** The signature is genuine, but the content given differs from the signed template. */
  | 'content-mismatch';

/** The outcome of `verify`. `template` is the signed original, given only when the signature itself is genuine. */
export type VerifyResult =
  | {
      readonly verified: true;
      readonly name: string;
      readonly template: string;
      readonly hash: string;
      readonly signedBy: string;
      readonly signedAt: string;
      readonly keyId: string;
    }
  | {
      readonly verified: false;
      readonly name: string;
      readonly reason: VerifyFailure;
      readonly message: string;
      /** Only for `content-mismatch`: the genuine signed original, to compare with what was seen. */
      readonly template?: string;
      readonly hash?: string;
      readonly signedBy?: string;
      readonly signedAt?: string;
    };

/** Options of `verify`. */
export interface VerifyOptions extends KeySource {
  readonly sigDir?: string;
  /** Records a `verify` event (name, outcome, reason, `by`; never the template). */
  readonly ledger?: Pick<AuditLedger, 'append'>;
  readonly sessionId?: string;
  /** What asked for the check, for the ledger: `cli:verify`, `autoverify`, `tool:verify`. */
  readonly by?: string;
}

function readRecord(path: string): SignatureRecord | undefined {
  try {
    const parsed = signatureRecordSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')) as unknown);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function check(name: string, content: string | undefined, options: VerifyOptions): VerifyResult {
  const fail = (reason: VerifyFailure, message: string): VerifyResult => ({ verified: false, name, reason, message });
  let file: string;
  try {
    file = signatureFileName(name);
  } catch (error) {
    return fail('malformed', error instanceof Error ? error.message : String(error));
  }
  const cwd = options.cwd ?? process.cwd();
  const path = join(resolve(cwd, options.sigDir ?? DEFAULT_SIG_DIR), file);
  if (!existsSync(path)) return fail('not-signed', `no signature is stored for \`${name}\``);
  const record = readRecord(path);
  if (record === undefined) return fail('malformed', `the signature file of \`${name}\` is not a well-formed signature record`);
  if (record.name !== name) return fail('name-mismatch', `the signature file of \`${name}\` signs \`${record.name}\``);
  if (templateHash(record.template) !== record.hash) return fail('template-modified', `the stored template of \`${name}\` was changed after it was signed`);
  // The key comes from the verifier's side (passed in, or the key folder), never from the signature file:
  // a forger can write any file, but cannot sign with a key they do not have.
  const key = loadVerifyingKey({ ...(options.key === undefined ? {} : { key: options.key }), ...(options.keyDir === undefined ? {} : { keyDir: options.keyDir }), cwd });
  if (key === undefined) return fail('no-key', 'there is no signing key to verify with (run `labelflow init`, or pass the public key)');
  let genuine = false;
  try {
    genuine = ed25519Verify(null, signaturePayload(record), key.publicKey, Buffer.from(record.signature, 'base64url'));
  } catch {
    // Fail closed: a signature that cannot be checked is not genuine.
    genuine = false;
  }
  if (!genuine) return fail('bad-signature', `the signature of \`${name}\` does not verify with key \`${key.keyId}\``);
  const signed = { template: record.template, hash: record.hash, signedBy: record.signedBy, signedAt: record.signedAt };
  if (content !== undefined && templateHash(content) !== record.hash) {
    return { verified: false, name, reason: 'content-mismatch', message: `the content given for \`${name}\` differs from the signed template`, ...signed };
  }
  return { verified: true, name, ...signed, keyId: record.keyId };
}

/**
 * Verifies a signed template, and optionally that `content` is exactly it. Never throws on a mismatch: the
 * result says whether it verified and why not. A signature file written without the private key never verifies,
 * whatever it contains, because the public key is taken from the verifier's side, not from the file.
 *
 * @param options.key a public (or private) key to verify with instead of the key folder's
 * @param options.ledger records the check in the audit ledger
 *
 * @example
 * ```ts
 * const result = verify('system', instructionsAboutToBeSent);
 * if (!result.verified) console.error(result.reason); // 'content-mismatch', 'bad-signature', …
 * ```
 */
export function verify(name: string, content?: string, options: VerifyOptions = {}): VerifyResult {
  const result = check(name, content, options);
  if (options.ledger !== undefined) {
    const detail = result.verified ? { templateHash: result.hash } : { reason: result.reason, ...(result.hash === undefined ? {} : { templateHash: result.hash }) };
    try {
      options.ledger.append({ type: 'verify', sessionId: options.sessionId ?? 'none', name, verified: result.verified, by: options.by ?? 'api', ...detail });
    } catch {
      // `verify` never throws; the ledger keeps the failure for `checkWritable()`, which enforce mode acts on.
    }
  }
  return result;
}
