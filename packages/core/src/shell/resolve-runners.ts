import { commandString, innerContext, type ProgramHandler } from './program-call.js';
import { wordText, type ShellWord } from './shell-word.js';
import { optionValue, splitOptions } from './split-options.js';
import { uncertain } from './uncertain-syntax.js';

const ECHO: ShellWord = Object.freeze({ source: 'echo', value: 'echo', glob: undefined, home: false });

/** `xargs [options] [command]`: the command runs with arguments read from input (default `echo`). */
export const resolveXargs: ProgramHandler = (call) => {
  const withValue = ['-a', '--arg-file', '-d', '--delimiter', '-E', '--eof', '-I', '--replace', '-L', '--max-lines', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars', '--process-slot-var'];
  const { options, rest } = splitOptions(call.args, { withValue });
  call.record();
  for (const option of options) if ((option.name === '-a' || option.name === '--arg-file') && option.value !== undefined) call.files([option.value], 'r');
  const replace = options.find((option) => option.name === '-I' || option.name === '--replace');
  const placeholder = replace === undefined ? (options.some((option) => option.name === '-i') ? '{}' : undefined) : optionValue(replace);
  const command = rest.length > 0 ? rest : [ECHO];
  const name = command[0]?.value;
  if (placeholder !== undefined && name?.includes(placeholder) === true) uncertain('`xargs` runs the programs its input names');
  call.resolve(command, innerContext(call, 'xargs', 'arguments'));
};

const EXEC_ACTIONS = new Set(['-exec', '-execdir', '-ok', '-okdir']);
const WRITE_ACTIONS = new Set(['-fprint', '-fprint0', '-fls']);

/** `find paths… expression`: `-exec` commands run, `-delete` destroys, `-fprint` files are written. */
export const resolveFind: ProgramHandler = (call) => {
  const { args } = call;
  const paths: ShellWord[] = [];
  const execs: ShellWord[][] = [];
  let deletes = false;
  for (let index = 0; index < args.length; index += 1) {
    const word = args[index] as ShellWord;
    if (word.value !== undefined && EXEC_ACTIONS.has(word.value)) {
      const end = args.findIndex((candidate, at) => at > index && (candidate.value === ';' || candidate.value === '+'));
      if (end === -1) uncertain(`\`find ${word.value}\` is not ended by \`;\` or \`+\``);
      const command = args.slice(index + 1, end);
      if (command[0]?.value?.includes('{}') === true) uncertain(`\`find ${word.value}\` runs the files it finds as programs`);
      execs.push(command);
      index = end;
    } else if (word.value !== undefined && (WRITE_ACTIONS.has(word.value) || word.value === '-fprintf')) {
      const target = args[index + 1];
      if (target !== undefined) call.files([target], 'w');
      index += word.value === '-fprintf' ? 2 : 1;
    } else {
      if (word.value === '-delete') deletes = true;
      paths.push(word);
    }
  }
  call.record(undefined, deletes ? ['destructive'] : []);
  call.files(paths, deletes ? 'rw' : 'r');
  for (const command of execs) call.resolve(command, innerContext(call, 'find', 'arguments'));
};

/** `watch [options] command…`: the words are joined and run by `sh -c` (or run as they are with `-x`). */
export const resolveWatch: ProgramHandler = (call) => {
  const { options, rest } = splitOptions(call.args, { withValue: ['-n', '--interval', '-q', '--equexit'] });
  call.record();
  if (options.some((option) => option.name === '-x' || option.name === '--exec')) {
    call.resolve(rest, innerContext(call, 'watch'));
    return;
  }
  const words = rest.map((word) => word.value);
  if (words.some((word) => word === undefined)) uncertain('`watch` runs a command string computed at run time');
  call.collector.nested(words.join(' '), call.context, 'watch');
};

/** `flock [options] lockfile (command… | -c string)`. */
export const resolveFlock: ProgramHandler = (call) => {
  const { rest } = splitOptions(call.args, { withValue: ['-w', '--wait', '--timeout', '-E', '--conflict-exit-code'] });
  call.record();
  const [lock, ...command] = rest;
  if (lock !== undefined) call.files([lock], 'rw');
  if (command[0]?.value === '-c' || command[0]?.value === '--command') runString(call, command[1], 'flock -c');
  else if (command.length > 0) call.resolve(command, innerContext(call, 'flock'));
};

/** `su`/`runuser [options] [user] [-c string]`: privileged, with the `-c` string analysed. */
export const resolveSu: ProgramHandler = (call) => {
  const withValue = ['-c', '--command', '-s', '--shell', '-g', '--group', '-G', '--supp-group', '-w', '--whitelist-environment', '-u', '--user'];
  const { options } = splitOptions(call.args, { withValue, stopAtOperand: false });
  call.record();
  const command = options.find((option) => option.name === '-c' || option.name === '--command');
  if (command !== undefined) runString(call, command.attached === undefined ? command.value : { ...(command.value as ShellWord), value: command.attached }, `${call.bin} -c`);
};

/** `script [options] [file]`: records a terminal session; `-c` runs a command string. */
export const resolveScript: ProgramHandler = (call) => {
  const logs = ['-O', '--log-out', '-I', '--log-in', '-B', '--log-io', '-T', '--log-timing'];
  const { options, rest } = splitOptions(call.args, { withValue: ['-c', '--command', '-E', '--echo', '-m', '--logging-format', ...logs], stopAtOperand: false });
  call.record();
  for (const option of options) if (logs.includes(option.name) && option.value !== undefined) call.files([option.value], 'w');
  call.files(rest, 'w');
  const command = options.find((option) => option.name === '-c' || option.name === '--command');
  if (command !== undefined) runString(call, command.value, 'script -c');
};

/** `busybox applet args…` runs the applet. */
export const resolveBusybox: ProgramHandler = (call) => {
  call.record();
  if (call.args.length > 0) call.resolve(call.args, innerContext(call, 'busybox'));
};

/** `cd`/`pushd [dir]`: later relative paths may resolve against the directory. */
export const resolveChdir: ProgramHandler = (call) => {
  const { rest } = splitOptions(call.args);
  call.record();
  const [target] = rest;
  if (target?.value === '-') uncertain(`\`${call.bin} -\` returns to a directory the analysis does not know`);
  const directory = target ?? { source: '~', value: '~', glob: undefined, home: true };
  call.files([directory], 'r');
  call.collector.directories.push(directory);
};

function runString(call: Parameters<ProgramHandler>[0], word: ShellWord | undefined, what: string): void {
  const text = commandString(word, what);
  if (typeof text !== 'string') uncertain(text.missing);
  call.collector.nested(text, call.context, what);
}

/** Joins words for a command string (`git submodule foreach`), or refuses a computed one. */
export function joinCommand(words: readonly ShellWord[], what: string): string {
  if (words.some((word) => word.value === undefined)) uncertain(`\`${what}\` runs a command string computed at run time`);
  return words.map(wordText).join(' ');
}
