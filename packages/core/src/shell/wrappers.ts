/** How a wrapper program reads its options before the command it runs. */
export interface WrapperSpec {
  readonly withValue?: readonly string[];
  /** Operands between the options and the wrapped command (timeout's duration, chroot's directory). */
  readonly skip?: number;
  /** Options after which the wrapper runs no command (`command -v`, `ionice -p`). */
  readonly noCommand?: readonly string[];
  /** Options whose value is the directory the command runs in. */
  readonly chdir?: readonly string[];
  /** Options whose value is a file the wrapper writes. */
  readonly writes?: readonly string[];
}

/**
 * Programs that run the rest of their words as a command. The wrapped command is resolved as an invocation of
 * its own (so `sudo rm -rf /` runs both `sudo` and `rm`), after the wrapper's options are skipped.
 */
export const WRAPPERS: Readonly<Record<string, WrapperSpec>> = {
  nice: { withValue: ['-n', '--adjustment'] },
  nohup: {},
  time: { withValue: ['-f', '--format', '-o', '--output'], writes: ['-o', '--output'] },
  timeout: { withValue: ['-s', '--signal', '-k', '--kill-after'], skip: 1 },
  stdbuf: { withValue: ['-i', '-o', '-e', '--input', '--output', '--error'] },
  ionice: { withValue: ['-c', '--class', '-n', '--classdata', '-p', '--pid', '-P', '--pgid', '-u', '--uid'], noCommand: ['-p', '--pid', '-P', '--pgid', '-u', '--uid'] },
  setsid: {},
  chrt: { withValue: ['-T', '-P', '-D'], skip: 1, noCommand: ['-p', '--pid'] },
  taskset: { skip: 1, noCommand: ['-p', '--pid'] },
  command: { noCommand: ['-v', '-V'] },
  builtin: {},
  exec: { withValue: ['-a'] },
  unbuffer: {},
  chroot: { withValue: ['--userspec', '--groups'], skip: 1 },
  sudo: {
    withValue: ['-u', '--user', '-g', '--group', '-C', '--close-from', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-U', '--other-user', '-T', '--command-timeout'],
    chdir: ['-D', '--chdir'],
    noCommand: ['-l', '--list', '-v', '--validate', '-k', '-K', '--reset-timestamp', '--remove-timestamp', '-e', '--edit'],
  },
  doas: { withValue: ['-u', '-C'] },
  pkexec: { withValue: ['--user'] },
  strace: { withValue: ['-o', '-e', '-p', '-s', '-u', '-E', '-a', '-b', '-I', '-S', '-X', '-P', '-O'], writes: ['-o'] },
  ltrace: { withValue: ['-o', '-e', '-p', '-s', '-u', '-n', '-a', '-l', '-x', '-L', '-F', '-w', '-A', '-D'], writes: ['-o'] },
};
