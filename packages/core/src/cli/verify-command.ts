import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { createAuditLedger } from '../audit/create-audit-ledger.js';
import { DEFAULT_LEDGER_PATH } from '../audit/file-ledger-store.js';
import { DEFAULT_SIG_DIR } from '../signing/signature-record.js';
import { DEFAULT_KEY_DIR } from '../signing/signing-key.js';
import { verify } from '../signing/verify.js';
import type { CliOutput } from './cli-io.js';
import { CliExit, EXIT } from './exit-codes.js';

/** `labelflow verify <name> [file]`: checks a signature, and that `file` is exactly the signed template. */
export function registerVerify(program: Command, out: CliOutput): void {
  program
    .command('verify <name> [file]')
    .description('verify the signature of <name>, and that [file] is exactly the signed template')
    .option('--key-dir <dir>', 'where the signing key is kept', DEFAULT_KEY_DIR)
    .option('--sig-dir <dir>', 'where signatures are stored', DEFAULT_SIG_DIR)
    .option('--ledger <file>', 'the audit ledger to record the check in (when it exists)', DEFAULT_LEDGER_PATH)
    .option('--json', 'print the result as JSON')
    .action((name: string, file: string | undefined, options: { keyDir: string; sigDir: string; ledger: string; json?: boolean }) => {
      const content = file === undefined ? undefined : out.readText(file, 'file');
      // Verifying is a read: it records the check in a ledger that exists, but never creates one.
      const ledger = existsSync(out.path(options.ledger)) ? createAuditLedger({ path: options.ledger, cwd: out.cwd, mode: 'observe' }) : undefined;
      const result = verify(name, content, { cwd: out.cwd, keyDir: options.keyDir, sigDir: options.sigDir, sessionId: 'cli', by: 'cli:verify', ...(ledger === undefined ? {} : { ledger }) });
      if (options.json === true) out.json(result);
      else if (result.verified) out.line(`verified ${name}: signed by ${result.signedBy} at ${result.signedAt} (${result.hash})`);
      else out.line(`NOT VERIFIED ${name}: ${result.message}`);
      if (!result.verified) throw new CliExit(EXIT.failed, '');
    });
}
