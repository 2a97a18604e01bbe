import { Command, CommanderError } from 'commander';
import { registerAudit } from './audit-command.js';
import { cliOutput, type CliIo } from './cli-io.js';
import { CliExit, EXIT, type ExitCode } from './exit-codes.js';
import { registerInit } from './init-command.js';
import { registerPolicy } from './policy-command.js';
import { registerSign } from './sign-command.js';
import { registerVerify } from './verify-command.js';

function configure(command: Command, io: CliIo): void {
  command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const sub of command.commands) configure(sub, io);
}

/**
 * Runs the `labelflow` CLI on `argv` (the arguments after the program name) and returns its exit code (see
 * `EXIT`). The binary calls it with the process's streams; tests call it with their own.
 *
 * @example
 * ```ts
 * const code = await runCli(['audit', 'verify', '--json'], { cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const out = cliOutput(io);
  const program = new Command('labelflow')
    .description('labelflow: label-flow security for LLM agents. Policies, the audit ledger and signed prompts.')
    .showHelpAfterError('(run with --help for usage)')
    .helpCommand(true);
  registerInit(program, out);
  registerPolicy(program, out);
  registerAudit(program, out);
  registerSign(program, out);
  registerVerify(program, out);
  configure(program, io);
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliExit) {
      if (error.message !== '') io.stderr(`labelflow: ${error.message}\n`);
      return error.code;
    }
    if (error instanceof CommanderError) {
      // Help and version are successes; every other parse error is a usage error.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    io.stderr(`labelflow: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.error;
  }
}
