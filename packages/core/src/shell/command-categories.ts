/**
 * What the analysis knows about binaries, by name (lower-cased basename). Anything not listed is an ordinary
 * program: it may read and write every path it is given.
 */

/** POSIX-family shells: their `-c` strings and here-document programs are analysed with the same rules. */
export const POSIX_SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'lksh', 'oksh', 'pdksh', 'ash', 'yash', 'posh', 'rbash']);

/** Shells with another syntax: a command string for them cannot be analysed. */
export const OTHER_SHELLS: ReadonlySet<string> = new Set(['fish', 'csh', 'tcsh', 'pwsh', 'powershell', 'nu', 'xonsh', 'elvish', 'rc', 'es']);

/** Interpreters that read their program from stdin when given no script, code or module. */
export const INTERPRETERS: ReadonlySet<string> = new Set([
  'python', 'python2', 'python3', 'pypy', 'pypy3', 'node', 'nodejs', 'perl', 'ruby', 'php', 'lua', 'luajit', 'tclsh', 'rscript', 'osascript',
]);

/** Binaries that reach the network: calls are `exfil`, their output `untrusted`, destinations go into `hosts`. */
export const NETWORK_BINARIES: ReadonlySet<string> = new Set(['curl', 'wget', 'nc', 'ncat', 'netcat', 'socat', 'ssh', 'scp', 'sftp', 'rsync', 'ftp', 'telnet']);

/** Binaries that destroy data: calls are `destructive`. (`find -delete`, `git clean` and `git reset --hard` too.) */
export const DESTRUCTIVE_BINARIES: ReadonlySet<string> = new Set([
  'rm', 'rmdir', 'unlink', 'shred', 'dd', 'truncate', 'mkfs', 'wipefs', 'fdisk', 'sfdisk', 'parted', 'mkswap',
]);

/** Binaries that change user: calls are `privileged`. */
export const PRIVILEGED_BINARIES: ReadonlySet<string> = new Set(['sudo', 'su', 'doas', 'pkexec', 'runuser', 'sudoedit']);

/** Binaries whose arguments are data, never paths: computed arguments (`echo "$(date)"`) are fine for them. */
export const DATA_ONLY_BINARIES: ReadonlySet<string> = new Set([
  'echo', 'printf', 'true', 'false', ':', 'sleep', 'seq', 'yes', 'expr', 'basename', 'dirname', 'kill', 'whoami', 'id', 'uname',
  'hostname', 'date', 'nproc', 'arch', 'tput', 'clear', 'exit', 'return', 'shift', 'unset', 'wait', 'jobs', 'type', 'which', 'printenv',
  'tr', 'break', 'continue', 'set', 'export', 'readonly', 'local', 'declare', 'typeset', 'read', 'getopts', 'mapfile', 'readarray', 'umask', 'ulimit',
]);

/** Binaries that only read the paths they are given (unless a write flag says otherwise: `sed -i`, `sort -o`). */
export const READ_ONLY_BINARIES: ReadonlySet<string> = new Set([
  'cat', 'head', 'tail', 'less', 'more', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'wc', 'ls', 'dir', 'stat', 'file', 'diff', 'cmp', 'comm',
  'cut', 'nl', 'od', 'hexdump', 'strings', 'md5sum', 'sha1sum', 'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'b2sum', 'cksum', 'sum',
  'base64', 'base32', 'jq', 'tree', 'du', 'df', 'realpath', 'readlink', 'test', '[', 'column', 'paste', 'join', 'fold', 'fmt', 'rev', 'tac',
  'expand', 'unexpand', 'zcat', 'zgrep', 'zless', 'bzcat', 'xzcat', 'look', 'cd', 'pushd', 'popd', 'find', 'sort', 'sed', 'pwd',
]);

/** Flags that make an otherwise read-only binary write: `sed -i`, `sort -o FILE`, `find -delete`. */
export const WRITE_FLAGS: Readonly<Record<string, readonly string[]>> = {
  sed: ['-i', '--in-place'],
  sort: ['-o', '--output'],
  find: ['-delete', '-fprint', '-fprint0', '-fprintf', '-fls'],
};

/** Builtins that are denied for lack of certainty, with the reason the decision gives. */
export const UNCERTAIN_BUILTINS: Readonly<Record<string, string>> = {
  eval: '`eval` runs its arguments as a new command',
  source: '`source` runs a file in the current shell, which can redefine the commands after it',
  '.': '`.` runs a file in the current shell, which can redefine the commands after it',
  alias: '`alias` changes what later command names mean',
  trap: '`trap` runs a command string when a signal arrives',
  fc: '`fc` runs commands from the shell history',
  let: '`let` evaluates arithmetic, which can run commands',
  enable: '`enable` loads or switches shell builtins',
  parallel: '`parallel` runs commands built from its input',
};

/** Builtins that must run inside a shell (they cannot be spawned as programs). */
export const SHELL_BUILTINS: ReadonlySet<string> = new Set([
  'cd', 'pushd', 'popd', 'export', 'unset', 'set', 'shift', 'exit', 'return', 'read', 'wait', 'jobs', 'umask', 'ulimit', 'type', 'hash',
  'command', 'builtin', 'local', 'declare', 'typeset', 'readonly', 'getopts', 'mapfile', 'readarray', 'break', 'continue', ':', 'exec', 'time',
]);
