import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliExit, EXIT } from './exit-codes.js';

/** Where a CLI run reads and writes: the binary uses the process's; tests pass their own. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Output helpers bound to one run. */
export interface CliOutput {
  readonly cwd: string;
  /** Prints lines to stdout. */
  line(text?: string): void;
  /** Prints a value as JSON to stdout (for `--json`). */
  json(value: unknown): void;
  /** Prints a warning to stderr. */
  warn(text: string): void;
  /** Resolves a path against the working directory. */
  path(file: string): string;
  /** Reads a text file, or ends the command with exit code 3. */
  readText(file: string, what: string): string;
}

/** Binds output helpers to an I/O. */
export function cliOutput(io: CliIo): CliOutput {
  const path = (file: string) => resolve(io.cwd, file);
  return {
    cwd: io.cwd,
    line: (text = '') => io.stdout(`${text}\n`),
    json: (value) => io.stdout(`${JSON.stringify(value, null, 2)}\n`),
    warn: (text) => io.stderr(`${text}\n`),
    path,
    readText(file, what) {
      const absolute = path(file);
      if (!existsSync(absolute)) throw new CliExit(EXIT.notFound, `no ${what} at \`${file}\``);
      try {
        return readFileSync(absolute, 'utf8');
      } catch (error) {
        throw new CliExit(EXIT.error, `cannot read ${what} \`${file}\`: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
