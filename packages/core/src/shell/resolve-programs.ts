import { INTERPRETERS, NETWORK_BINARIES, OTHER_SHELLS, POSIX_SHELLS } from './command-categories.js';
import type { ProgramCall, ProgramHandler } from './program-call.js';
import { resolveGit } from './resolve-git.js';
import { resolveBusybox, resolveChdir, resolveFind, resolveFlock, resolveScript, resolveSu, resolveWatch, resolveXargs } from './resolve-runners.js';
import { resolveInterpreter, resolveShell } from './resolve-shell.js';
import { isRemoteOperand, networkDestinations } from './network-destinations.js';
import type { ShellWord } from './shell-word.js';
import { splitOptions } from './split-options.js';
import { uncertain } from './uncertain-syntax.js';

export type { ProgramCall } from './program-call.js';

/** A network binary: `exfil`, with its destinations recorded (`rsync` only when an operand is remote). */
const resolveNetwork: ProgramHandler = (call) => {
  const { bin, args, collector } = call;
  if (bin === 'rsync') {
    const shell = splitOptions(args, { withValue: ['-e', '--rsh'], stopAtOperand: false }).options.find((option) => option.name === '-e' || option.name === '--rsh');
    if (shell !== undefined) {
      const text = shell.attached ?? shell.value?.value;
      if (text === undefined) uncertain('`rsync -e` runs a command string computed at run time');
      collector.nested(text, call.context, 'rsync -e');
    }
  }
  const local = bin === 'rsync' && !args.some((word) => !word.value?.startsWith('-') && isRemoteOperand(word.value));
  call.record(undefined, local ? [] : ['network']);
  const outputs = bin === 'wget' ? ['-O', '--output-document', '-o', '--output-file'] : ['-o', '--output', '-D', '--dump-header', '-c', '--cookie-jar'];
  args.forEach((word, index) => {
    const equals = outputs.find((flag) => flag.startsWith('--') && word.value?.startsWith(`${flag}=`) === true);
    if (equals !== undefined) call.files([{ ...word, value: word.value?.slice(equals.length + 1) }], 'w');
    else if (word.value !== undefined && outputs.includes(word.value) && args[index + 1] !== undefined) call.files([args[index + 1] as ShellWord], 'w');
  });
  if (!local) for (const { host, source } of networkDestinations(bin, args)) collector.destinations.push(Object.freeze({ bin, host, source }));
  call.files();
};

// Options that make tar or zip run another program.
const TAR_RUNS = /^(?:--to-command|--use-compress-program|--checkpoint-action|--info-script|--new-volume-script|--rsh-command|--rmt-command|-I|-F)/u;

const resolveTar: ProgramHandler = (call) => {
  call.record();
  call.args.forEach((word, index) => {
    if (word.value !== undefined && TAR_RUNS.test(word.value)) uncertain(`\`tar ${word.value}\` runs another program`);
    if (word.value === '-C' || word.value === '--directory') {
      const directory = call.args[index + 1];
      if (directory !== undefined) call.collector.directories.push(directory);
    } else if (word.value?.startsWith('--directory=') === true) call.collector.directories.push({ ...word, value: word.value.slice('--directory='.length) });
  });
  call.files();
};

/** `tee files…` writes every file it is given. */
const resolveTee: ProgramHandler = (call) => {
  call.record();
  call.files(splitOptions(call.args, { withValue: ['--output-error'], stopAtOperand: false }).rest, 'w');
};

/** `cp`/`mv`/`install`/`ln`: the last operand (or `-t DIR`) is written; the sources are read (moved, for `mv`). */
function copying(sourceMode: 'r' | 'rw'): ProgramHandler {
  return (call) => {
    call.record();
    const withValue = ['-t', '--target-directory', '-S', '--suffix', '-m', '--mode', '-o', '--owner', '-g', '--group', '--backup', '--sparse', '--reflink'];
    const { options, rest } = splitOptions(call.args, { withValue, stopAtOperand: false });
    const target = options.find((option) => option.name === '-t' || option.name === '--target-directory');
    if (target?.value !== undefined) call.files([target.attached === undefined ? target.value : { ...target.value, value: target.attached }], 'w');
    const sources = target === undefined ? rest.slice(0, -1) : rest;
    call.files(sources, sourceMode);
    if (target === undefined && rest.length > 0) call.files(rest.slice(-1), 'w');
  };
}

const resolveZip: ProgramHandler = (call) => {
  if (call.args.some((word) => word.value === '-TT' || word.value?.startsWith('--unzip-command') === true)) uncertain('`zip -TT` runs another program to test the archive');
  call.record();
  call.files();
};

const resolveMake: ProgramHandler = (call) => {
  call.record();
  for (const option of splitOptions(call.args, { withValue: ['-C', '--directory', '-f', '--file', '-I', '--include-dir', '-j', '--jobs', '-o', '-W'], stopAtOperand: false }).options) {
    if ((option.name === '-C' || option.name === '--directory') && option.value !== undefined) call.collector.directories.push(option.value);
  }
  call.files();
};

// Builtins with one option each that evaluates a string or a subscript (bash evaluates `a[$(cmd)]`).
function refusing(option: RegExp, reason: string): ProgramHandler {
  return (call: ProgramCall) => {
    if (call.args.some((word) => word.value !== undefined && option.test(word.value))) uncertain(reason);
    call.record();
    call.files();
  };
}

const declaring = refusing(/^-[a-zA-Z]*[ni]/u, '`declare -n`/`-i` evaluate names or arithmetic, which can run commands');

/** Programs the analysis knows more about than "it may read and write what it is given". */
export const PROGRAMS: Readonly<Record<string, ProgramHandler>> = (() => {
  const table: Record<string, ProgramHandler> = {
    xargs: resolveXargs,
    find: resolveFind,
    watch: resolveWatch,
    flock: resolveFlock,
    su: resolveSu,
    runuser: resolveSu,
    script: resolveScript,
    busybox: resolveBusybox,
    git: resolveGit,
    cd: resolveChdir,
    pushd: resolveChdir,
    tar: resolveTar,
    tee: resolveTee,
    cp: copying('r'),
    install: copying('r'),
    ln: copying('r'),
    mv: copying('rw'),
    zip: resolveZip,
    make: resolveMake,
    gmake: resolveMake,
    printf: refusing(/^-v/u, '`printf -v` assigns through a name that bash evaluates'),
    declare: declaring,
    typeset: declaring,
    local: declaring,
    mapfile: refusing(/^-[a-zA-Z]*C/u, '`mapfile -C` runs a callback string'),
    readarray: refusing(/^-[a-zA-Z]*C/u, '`readarray -C` runs a callback string'),
    hash: refusing(/^-[a-zA-Z]*p/u, '`hash -p` binds a command name to another program'),
  };
  for (const bin of [...POSIX_SHELLS, ...OTHER_SHELLS]) table[bin] = resolveShell;
  for (const bin of INTERPRETERS) table[bin] = resolveInterpreter;
  for (const bin of NETWORK_BINARIES) table[bin] = resolveNetwork;
  return Object.freeze(table);
})();

/** Handles versioned interpreter names (`python3.12`) that the table cannot list. */
export function programFor(bin: string): ProgramHandler | undefined {
  if (Object.hasOwn(PROGRAMS, bin)) return PROGRAMS[bin];
  return /^(?:python|pypy)\d+(?:\.\d+)*$/u.test(bin) ? resolveInterpreter : undefined;
}
