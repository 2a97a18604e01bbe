import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** The folder labelflow keeps its state in, relative to the working directory. */
export const STATE_DIR = '.labelflow';

/** What `.labelflow/.gitignore` holds: private keys, the ledger and lock files stay out of version control. */
export const STATE_GITIGNORE = [
  '# labelflow state: private signing keys and the audit ledger must never be committed.',
  '# Signatures (sigs/) and the public key (keys/signing.pub) may be shared.',
  'keys/*.key',
  'keys/*.tmp*',
  'audit.jsonl',
  '*.lock',
  '*.lock.*',
  '',
].join('\n');

/**
 * Creates `dir` (and, for a `.labelflow` folder, its `.gitignore`) if missing. Returns the absolute path.
 * Called before the first key, signature or ledger record is written, so a fresh project never commits a key.
 */
export function ensureStateDir(dir: string): string {
  const absolute = resolve(dir);
  mkdirSync(absolute, { recursive: true, mode: 0o700 });
  const ignore = join(absolute, '.gitignore');
  if (basename(absolute) === STATE_DIR && !existsSync(ignore)) {
    try {
      writeFileSync(ignore, STATE_GITIGNORE, { flag: 'wx' });
    } catch (error) {
      // Another process wrote it first: that is the same file.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return absolute;
}
