import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ensureStateDir, STATE_DIR } from '../audit/state-dir.js';
import { SigningError } from './signing-error.js';

/** Where keys live by default, relative to the working directory. */
export const DEFAULT_KEY_DIR = join(STATE_DIR, 'keys');
const PRIVATE_FILE = 'signing.key';
const PUBLIC_FILE = 'signing.pub';

/** A key as callers may pass it: a `KeyObject`, or PEM text. */
export type KeyInput = KeyObject | string;

/** Where a key comes from: passed in (`key`), or kept in `keyDir` (default `.labelflow/keys` in `cwd`). */
export interface KeySource {
  readonly key?: KeyInput;
  readonly keyDir?: string;
  readonly cwd?: string;
}

/** An Ed25519 key pair and its id. */
export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** `ed25519:` and the first 16 hex digits of the SHA-256 of the raw public key. */
  readonly keyId: string;
}

/** A public key and its id: all verifying needs. */
export interface VerifyingKey {
  readonly publicKey: KeyObject;
  readonly keyId: string;
}

/** The id of a public key. */
export function keyIdOf(publicKey: KeyObject): string {
  const raw = Buffer.from(String(publicKey.export({ format: 'jwk' }).x), 'base64url');
  return `ed25519:${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`;
}

function asKeyObject(key: KeyInput): KeyObject {
  if (typeof key !== 'string') return key;
  return key.includes('PRIVATE KEY') ? createPrivateKey(key) : createPublicKey(key);
}

function requireEd25519(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningError({ message: `expected an Ed25519 key, got \`${key.asymmetricKeyType ?? key.type}\`` });
  return key;
}

/** Writes a file whole or not at all, and never over an existing one: a key is created once. */
function createOnce(path: string, text: string, mode: number): boolean {
  const temporary = `${path}.tmp-${randomUUID()}`;
  writeFileSync(temporary, text, { mode, flag: 'wx' });
  chmodSync(temporary, mode);
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    // Another process created the key first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

function pair(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(requireEd25519(privateKey));
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/**
 * The key to sign with: the one passed in, or the one in `keyDir`, created there on first use (private key
 * file mode 0600, folder 0700, and a `.gitignore` in `.labelflow/` that keeps it out of version control).
 *
 * @example
 * ```ts
 * const { keyId } = loadSigningKey({ keyDir: '.labelflow/keys' });
 * ```
 */
export function loadSigningKey({ key, keyDir = DEFAULT_KEY_DIR, cwd = process.cwd() }: KeySource = {}): SigningKey {
  try {
    if (key !== undefined) {
      const object = asKeyObject(key);
      if (object.type !== 'private') throw new SigningError({ message: 'signing needs a private key; a public key can only verify' });
      return pair(object);
    }
    const dir = resolve(cwd, keyDir);
    const privatePath = join(dir, PRIVATE_FILE);
    if (!existsSync(privatePath)) {
      ensureStateDir(dirname(dir));
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const generated = generateKeyPairSync('ed25519');
      createOnce(privatePath, generated.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), 0o600);
    }
    const loaded = pair(createPrivateKey(readFileSync(privatePath, 'utf8')));
    const publicPath = join(dir, PUBLIC_FILE);
    if (!existsSync(publicPath)) createOnce(publicPath, loaded.publicKey.export({ format: 'pem', type: 'spki' }).toString(), 0o644);
    return loaded;
  } catch (error) {
    if (SigningError.isInstance(error)) throw error;
    throw new SigningError({ message: `cannot load or create the signing key: ${error instanceof Error ? error.message : String(error)}`, cause: error });
  }
}

/**
 * The key to verify with: the one passed in (private or public), else `keyDir`'s private key, else its public
 * key. Never creates a key, never throws: undefined when there is none, and then nothing verifies.
 */
export function loadVerifyingKey({ key, keyDir = DEFAULT_KEY_DIR, cwd = process.cwd() }: KeySource = {}): VerifyingKey | undefined {
  try {
    let object: KeyObject | undefined;
    if (key !== undefined) object = asKeyObject(key);
    else {
      const dir = resolve(cwd, keyDir);
      if (existsSync(join(dir, PRIVATE_FILE))) object = createPrivateKey(readFileSync(join(dir, PRIVATE_FILE), 'utf8'));
      else if (existsSync(join(dir, PUBLIC_FILE))) object = createPublicKey(readFileSync(join(dir, PUBLIC_FILE), 'utf8'));
    }
    if (object === undefined) return undefined;
    const publicKey = object.type === 'private' ? createPublicKey(object) : object;
    return publicKey.asymmetricKeyType === 'ed25519' ? { publicKey, keyId: keyIdOf(publicKey) } : undefined;
  } catch {
    // An unreadable key verifies nothing.
    return undefined;
  }
}
