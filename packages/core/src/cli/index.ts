export { runCli } from './run-cli.js';
export type { CliIo } from './cli-io.js';
export { EXIT, type ExitCode } from './exit-codes.js';
export { lethalTrifecta, UNDESCRIBED_TOOL, type ProbeOutcome, type TrifectaReport, type TrifectaTool } from './lethal-trifecta.js';
