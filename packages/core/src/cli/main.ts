#!/usr/bin/env node
import { runCli } from './run-cli.js';

// The `labelflow` binary: the process's arguments, working directory and streams.
process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
