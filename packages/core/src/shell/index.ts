export { analyzeCommand, type AnalyzeCommandOptions } from './analyze-command.js';
export type { CommandAnalysis, CommandRisk, FileArgument, Invocation, InvocationInput, NetworkDestination, ParsedCommand, RedirectRecord } from './command-analysis.js';
export { commandLabels } from './command-labels.js';
export { commandPaths, type CommandPath, type CommandPathOptions, type CommandPaths } from './command-paths.js';
export { commandVariants } from './command-variants.js';
export type { ShellWord } from './shell-word.js';
export { describeCommand } from './describe-command.js';
