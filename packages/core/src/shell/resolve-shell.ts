import { INTERPRETERS, OTHER_SHELLS, POSIX_SHELLS } from './command-categories.js';
import { commandString, type ProgramCall, type ProgramHandler } from './program-call.js';
import type { ShellWord } from './shell-word.js';
import { splitOptions } from './split-options.js';
import { uncertain } from './uncertain-syntax.js';

/**
 * A shell: its `-c` string is analysed as a command (POSIX shells only), a script operand is a file it runs,
 * and without either it runs the program on its input: a here-document is analysed, a pipe is refused
 * (`curl … | sh`, `base64 -d | sh`).
 */
export const resolveShell: ProgramHandler = (call) => {
  const { bin, args, collector } = call;
  call.record();
  let mode: 'script' | 'command' | 'input' = 'script';
  let index = 0;
  for (; index < args.length; index += 1) {
    const text = (args[index] as ShellWord).value;
    // A computed word is read as the operand: the command string or script, refused below when it matters.
    if (text === undefined) break;
    if (text === '--' || text === '-') {
      if (text === '-') mode = 'input';
      index += 1;
      break;
    }
    if (text === '--rcfile' || text === '--init-file') {
      index += 1;
      const file = args[index];
      if (file !== undefined) collector.executes.push(file);
    } else if (text.startsWith('--')) continue;
    else if (text.startsWith('-') || text.startsWith('+')) {
      if (text.includes('c')) mode = 'command';
      else if (text.includes('s') && mode === 'script') mode = 'input';
      // `-o name` and `-O name` take the option name as the next word.
      if (/[oO]/u.test(text)) index += 1;
    } else break;
  }
  const operand = args[index];
  if (mode === 'command') {
    const text = commandString(operand, `${bin} -c`);
    if (typeof text !== 'string') uncertain(text.missing);
    if (!POSIX_SHELLS.has(bin)) uncertain(`\`${bin} -c\` runs ${bin} syntax, which is not analysed`);
    collector.nested(text, call.context, `${bin} -c`);
    return;
  }
  if (mode === 'script' && operand !== undefined) {
    if (operand.value === undefined) uncertain(`\`${bin}\` runs a script whose name \`${operand.source}\` is computed at run time`);
    refuseStreamedProgram(bin, operand);
    collector.executes.push(operand);
    call.files(args.slice(index), 'r');
    return;
  }
  programFromInput(call);
};

const INLINE_CODE: Readonly<Record<string, readonly string[]>> = {
  python: ['-c', '-m'],
  node: ['-e', '--eval', '-p', '--print'],
  perl: ['-e', '-E'],
  ruby: ['-e'],
  php: ['-r'],
  lua: ['-e'],
  rscript: ['-e'],
  osascript: ['-e'],
};
const WITH_VALUE: Readonly<Record<string, readonly string[]>> = {
  python: ['-W', '-X', '-Q'],
  node: ['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--input-type', '--conditions', '-C'],
  perl: ['-I', '-M', '-m'],
  ruby: ['-r', '-I', '-C', '-E'],
  php: ['-d', '-c', '-f'],
  lua: ['-l'],
};

/**
 * An interpreter (`python`, `node`, `perl`…): inline code (`-c`, `-e`) is labelled but not analysed, a script
 * operand is a file it runs, and without either it runs the program on its input (refused from a pipe).
 */
export const resolveInterpreter: ProgramHandler = (call) => {
  const family = familyOf(call.bin);
  const inline = INLINE_CODE[family] ?? [];
  const { options, rest } = splitOptions(call.args, { withValue: [...inline, ...(WITH_VALUE[family] ?? [])] });
  call.record();
  const script = options.find((option) => option.name === '-f' && family === 'php')?.value;
  if (options.some((option) => inline.includes(option.name)) || script !== undefined) {
    if (script !== undefined) call.collector.executes.push(script);
    call.files(rest);
    return;
  }
  const [first, ...more] = rest;
  if (first !== undefined && first.value !== '-') {
    refuseStreamedProgram(call.bin, first);
    call.collector.executes.push(first);
    call.files([first], 'r');
    call.files(more);
    return;
  }
  programFromInput(call);
};

/** Whether a binary is a shell or an interpreter, for the program table. */
export function isShellOrInterpreter(bin: string): 'shell' | 'interpreter' | undefined {
  if (POSIX_SHELLS.has(bin) || OTHER_SHELLS.has(bin)) return 'shell';
  return INTERPRETERS.has(bin) || /^python\d(\.\d+)?$/u.test(bin) ? 'interpreter' : undefined;
}

function familyOf(bin: string): string {
  if (bin.startsWith('python') || bin.startsWith('pypy')) return 'python';
  if (bin === 'nodejs') return 'node';
  return bin === 'luajit' ? 'lua' : bin;
}

// `bash <(curl …)` and `python /dev/stdin` run a program streamed from another command.
function refuseStreamedProgram(bin: string, script: ShellWord): void {
  if (script.value?.startsWith('/dev/fd/') === true || script.value === '/dev/stdin') {
    uncertain(`\`${bin}\` runs a program streamed from another command (\`${script.source}\`), which cannot be analysed`);
  }
}

function programFromInput(call: ProgramCall): void {
  const { bin, context, collector } = call;
  if (context.input === 'pipe') uncertain(`\`${bin}\` runs a program read from a pipe (as in \`curl … | sh\` or \`base64 -d | sh\`), which cannot be analysed`);
  if (context.input === 'arguments') uncertain(`\`${bin}\` runs the programs its input names`);
  if (context.input === 'file' && context.stdinFile !== undefined) {
    refuseStreamedProgram(bin, context.stdinFile);
    collector.executes.push(context.stdinFile);
  }
  if (context.input !== 'here-document') return;
  const body = context.stdinBody?.value;
  if (body === undefined) uncertain(`\`${bin}\` runs a here-document with computed parts`);
  if (OTHER_SHELLS.has(bin)) uncertain(`\`${bin}\` runs a here-document in ${bin} syntax, which is not analysed`);
  // A POSIX shell's here-document is a script like any other; an interpreter's is inline code (labelled only).
  if (POSIX_SHELLS.has(bin)) collector.nested(body, { ...context, input: 'none' }, `${bin} <<`);
}
