import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { createAuditLedger } from '../audit/create-audit-ledger.js';
import { DEFAULT_LEDGER_PATH } from '../audit/file-ledger-store.js';
import { sign } from '../signing/sign.js';
import { DEFAULT_SIG_DIR } from '../signing/signature-record.js';
import { SigningError } from '../signing/signing-error.js';
import { DEFAULT_KEY_DIR } from '../signing/signing-key.js';
import type { CliOutput } from './cli-io.js';
import { CliExit, EXIT } from './exit-codes.js';

function defaultIdentity(): string {
  try {
    return `user:${userInfo().username}`;
  } catch {
    return 'user:unknown';
  }
}

/** `labelflow sign <name> <file>`: signs a template file with the project's Ed25519 key. */
export function registerSign(program: Command, out: CliOutput): void {
  program
    .command('sign <name> <file>')
    .description('sign a template (the text of <file>, placeholders intact) under <name>')
    .option('--by <identity>', 'who signs (default user:<login name>)')
    .option('--key-dir <dir>', 'where the signing key is kept', DEFAULT_KEY_DIR)
    .option('--sig-dir <dir>', 'where signatures are stored', DEFAULT_SIG_DIR)
    .option('--ledger <file>', 'the audit ledger to record the signature in', DEFAULT_LEDGER_PATH)
    .option('--no-audit', 'do not record the signature in the ledger')
    .option('--json', 'print the result as JSON')
    .action((name: string, file: string, options: { by?: string; keyDir: string; sigDir: string; ledger: string; audit: boolean; json?: boolean }) => {
      const template = out.readText(file, 'template file');
      const ledger = options.audit ? createAuditLedger({ path: options.ledger, cwd: out.cwd }) : undefined;
      let result;
      try {
        result = sign(name, template, { by: options.by ?? defaultIdentity(), cwd: out.cwd, keyDir: options.keyDir, sigDir: options.sigDir, sessionId: 'cli', ...(ledger === undefined ? {} : { ledger }) });
      } catch (error) {
        if (SigningError.isInstance(error)) throw new CliExit(EXIT.error, error.message);
        throw error;
      }
      if (options.json === true) out.json(result);
      else out.line(`signed ${name} (${result.hash}) by ${result.signedBy} with key ${result.keyId}`);
    });
}
