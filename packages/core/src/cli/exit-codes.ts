/**
 * Exit codes of the `labelflow` CLI.
 *
 * | code | meaning |
 * |---|---|
 * | 0 | success: the policy is valid, the ledger verifies, the signature verifies |
 * | 1 | a check failed: invalid policy or an exposed lethal trifecta, a ledger that does not verify, a signature that does not verify |
 * | 2 | usage error: unknown command or option, missing argument |
 * | 3 | not found: no such file, ledger, tool call id |
 * | 4 | error: something could not be read or written |
 */
export const EXIT = Object.freeze({ ok: 0, failed: 1, usage: 2, notFound: 3, error: 4 } as const);

/** One of the CLI's exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Ends a command with an exit code and a message for stderr. */
export class CliExit extends Error {
  override readonly name = 'CliExit';
  readonly code: ExitCode;

  constructor(code: ExitCode, message: string) {
    super(message);
    this.code = code;
  }
}
