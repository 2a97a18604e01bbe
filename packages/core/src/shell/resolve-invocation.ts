import { commandName } from '../capabilities/command-name.js';
import type { Collector, InvocationContext } from './analysis-collector.js';
import { DATA_ONLY_BINARIES, DESTRUCTIVE_BINARIES, PRIVILEGED_BINARIES, READ_ONLY_BINARIES, UNCERTAIN_BUILTINS, WRITE_FLAGS } from './command-categories.js';
import type { CommandRisk } from './command-analysis.js';
import { isDangerousVariable } from './dangerous-variable.js';
import { programFor, type ProgramCall } from './resolve-programs.js';
import { wordText, type ShellWord } from './shell-word.js';
import { splitOptions } from './split-options.js';
import { uncertain } from './uncertain-syntax.js';
import { WRAPPERS, type WrapperSpec } from './wrappers.js';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/u;

/**
 * Resolves one command's words into invocations: the program itself, then whatever it runs (wrapped commands,
 * `sh -c` strings, `xargs` and `find -exec` commands). Throws `UncertainSyntax` when the program cannot be
 * known (a computed or pattern command name, `eval`, `source`…).
 */
export function resolveInvocation(words: readonly ShellWord[], context: InvocationContext, collector: Collector): void {
  const [command, ...args] = words;
  if (command === undefined) return;
  if (command.value === undefined) uncertain(`the command name \`${command.source}\` is computed at run time`);
  if (command.glob !== undefined) uncertain(`the command name \`${command.source}\` is a file pattern`);
  const name = command.value;
  if (name.trim() === '') uncertain('a command name is empty');
  const bin = commandName(name);
  if (Object.hasOwn(UNCERTAIN_BUILTINS, bin)) uncertain(UNCERTAIN_BUILTINS[bin] as string);
  if (name.includes('/')) collector.executes.push(command);
  let recorded = false;
  const call: ProgramCall = {
    bin,
    name,
    args,
    context,
    collector,
    resolve: (inner, innerContext) => resolveInvocation(inner, innerContext, collector),
    record: (recordedWords = [name, ...args.map(wordText)], risks = []) => {
      recorded = true;
      collector.invocations.push(Object.freeze({ bin, words: Object.freeze([...recordedWords]), via: context.scope.via, input: context.input, risks: Object.freeze([...new Set([...risksOf(bin), ...risks])]) }));
    },
    files: (fileArgs = args, mode) => registerFiles(bin, fileArgs, mode ?? fileMode(bin, args), collector),
  };
  const program = programFor(bin);
  if (program !== undefined) program(call);
  else if (bin === 'env') resolveEnv(call);
  else if (Object.hasOwn(WRAPPERS, bin)) resolveWrapper(call, WRAPPERS[bin] as WrapperSpec);
  else {
    call.record();
    call.files();
  }
  // INVARIANT: every handler records the invocation it was given.
  if (!recorded) call.record();
}

function risksOf(bin: string): CommandRisk[] {
  const risks: CommandRisk[] = [];
  if (DESTRUCTIVE_BINARIES.has(bin) || bin.startsWith('mkfs.')) risks.push('destructive');
  if (PRIVILEGED_BINARIES.has(bin)) risks.push('privileged');
  return risks;
}

function fileMode(bin: string, args: readonly ShellWord[]): 'r' | 'rw' {
  if (!READ_ONLY_BINARIES.has(bin)) return 'rw';
  const flags = WRITE_FLAGS[bin] ?? [];
  const writes = args.some((arg) => flags.some((flag) => arg.value === flag || arg.value?.startsWith(flag.startsWith('--') ? `${flag}=` : flag) === true));
  return writes ? 'rw' : 'r';
}

/**
 * Registers the words a program may treat as files. A computed word is refused for any program that takes
 * paths: the file it names cannot be checked before the command runs.
 */
function registerFiles(bin: string, words: readonly ShellWord[], mode: 'r' | 'w' | 'rw', collector: Collector): void {
  if (DATA_ONLY_BINARIES.has(bin)) return;
  for (const word of words) {
    if (word.value === undefined) uncertain(`argument \`${word.source}\` of \`${bin}\` is computed at run time, so the files it names cannot be checked`);
    const file = fileOf(word, word.value);
    if (file !== undefined) collector.files.push(Object.freeze({ bin, word: file, mode }));
  }
}

// An option is not a file, but its value may be one: `--output=/x`, `-o/x`.
function fileOf(word: ShellWord, value: string): ShellWord | undefined {
  if (!value.startsWith('-') || value === '-') return word;
  const equals = value.indexOf('=');
  if (equals > 0) return { ...word, value: value.slice(equals + 1), home: false };
  if (!value.startsWith('--') && value.length > 2 && value.includes('/')) return { ...word, value: value.slice(2), home: false };
  return undefined;
}

function resolveWrapper(call: ProgramCall, spec: WrapperSpec): void {
  const { options, rest } = splitOptions(call.args, { withValue: spec.withValue ?? [] });
  call.record();
  for (const option of options) {
    if (option.value === undefined) continue;
    if (spec.chdir?.includes(option.name)) call.collector.directories.push(option.value);
    if (spec.writes?.includes(option.name)) call.files([option.value], 'w');
  }
  if (options.some((option) => spec.noCommand?.includes(option.name) === true)) return;
  const skipped = rest.slice(0, spec.skip ?? 0);
  if (call.bin === 'chroot') call.files(skipped, 'r');
  const command = rest.slice(spec.skip ?? 0);
  call.resolve(command, { ...call.context, scope: { ...call.context.scope, via: [...call.context.scope.via, call.bin] } });
}

// env [-i] [-u NAME] [-C DIR] [NAME=VALUE]… [COMMAND [ARG]…]
function resolveEnv(call: ProgramCall): void {
  const { options, rest } = splitOptions(call.args, { withValue: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string', '-P'] });
  call.record();
  for (const option of options) {
    if (option.name === '-S' || option.name === '--split-string') uncertain('`env -S` splits a string into a command at run time');
    if (option.name === '-P') uncertain('`env -P` searches its own path for the command');
    if ((option.name === '-C' || option.name === '--chdir') && option.value !== undefined) call.collector.directories.push(option.value);
  }
  let index = 0;
  for (; index < rest.length; index += 1) {
    const word = rest[index] as ShellWord;
    const match = word.value === undefined ? null : ASSIGNMENT.exec(word.value);
    if (match === null) break;
    const name = match[1] as string;
    if (isDangerousVariable(name)) uncertain(`\`env ${name}=…\` changes which program runs or what it executes`);
    call.collector.assignments.push({ name, value: { ...word, value: word.value?.slice(match[0].length) } });
  }
  call.resolve(rest.slice(index), { ...call.context, scope: { ...call.context.scope, via: [...call.context.scope.via, 'env'] } });
}
