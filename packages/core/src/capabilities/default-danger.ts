const RECURSIVE_FLAGS = ['-r', '-R', '--recursive'];
const FORCE_FLAGS = ['-f', '--force'];
const COMBINED_RECURSIVE_FORCE = ['-rf', '-fr', '-Rf', '-fR'];

// Recursive force delete, however it is spelled: combined flags, or the two flags in either order with anything
// between them. Combined flags with other letters (`-rfv`) are left to command analysis (a later issue).
const RECURSIVE_FORCE_DELETE = [
  ...COMBINED_RECURSIVE_FORCE.map((flag) => `cmd:rm:*:${flag}`),
  ...RECURSIVE_FLAGS.flatMap((recursive) =>
    FORCE_FLAGS.flatMap((force) => [`cmd:rm:*:${recursive}:*:${force}`, `cmd:rm:*:${force}:*:${recursive}`]),
  ),
];

/**
 * The program name a tool puts in `operation.commands` for a call it refuses before it runs (a command that
 * cannot be analysed with certainty, a path outside the tool's root). It is on the danger list, so the decision
 * is a `capability-denied` whose subject carries the reason: `cmd:labelflow-refused <reason>`.
 */
export const REFUSED_COMMAND = 'labelflow-refused';

// Recursive deletes of the root or the home directory, without `-f` (with `-f`, every recursive delete is
// listed below). Command analysis adds a normalised copy of `rm` commands (`-rv` split into `-r -v`, `$HOME`
// and `~/` written as `~`), so these also catch the other spellings.
const RECURSIVE_DELETE_OF_ROOT = ['-r', '-R', '--recursive'].flatMap((flag) =>
  ['/', '~'].flatMap((target) => [`cmd:rm:*:${flag}:*:${target}`, `cmd:rm:*:${target}:*:${flag}`]),
);

const COMMANDS = [
  `cmd:${REFUSED_COMMAND}`,
  'cmd:sudo',
  'cmd:su',
  'cmd:doas',
  'cmd:pkexec',
  'cmd:sudoedit',
  'cmd:runuser',
  'cmd:dd',
  'cmd:mkfs',
  ...['ext2', 'ext3', 'ext4', 'xfs', 'btrfs', 'vfat', 'fat', 'ntfs'].map((type) => `cmd:mkfs.${type}`),
  'cmd:shutdown',
  'cmd:reboot',
  'cmd:halt',
  'cmd:poweroff',
  ...RECURSIVE_FORCE_DELETE,
  ...RECURSIVE_DELETE_OF_ROOT,
  'cmd:rm:*:--no-preserve-root',
  'cmd:chmod:*:777',
  'cmd:chmod:-R',
  'cmd:chmod:*:-R',
  'cmd:chmod:*:--recursive',
  'cmd:git:push:*:--force',
  'cmd:git:push:*:-f',
  'cmd:curl:*:--upload-file',
  'cmd:curl:*:-T',
  'cmd:scp',
  'cmd:nc',
  'cmd:ncat',
  'cmd:netcat',
];

// Credentials: reading them is the usual first step of an exfiltration, writing them plants access.
const CREDENTIALS = [
  '~/.ssh/**',
  '~/.aws/**',
  '~/.gnupg/**',
  '~/.config/gcloud/**',
  '**/.env*',
  '**/*.pem',
  '**/id_*',
  '~/.npmrc',
  '~/.netrc',
];

// Shell start-up files run on the next login, so writing one is code execution outside every policy. Git hooks
// run on the next git command.
const SHELL_STARTUP = [
  '~/.bashrc',
  '~/.bash_profile',
  '~/.bash_login',
  '~/.bash_logout',
  '~/.profile',
  '~/.zshrc',
  '~/.zprofile',
  '~/.zshenv',
  '~/.zlogin',
  '~/.zlogout',
  '~/.kshrc',
  '~/.mkshrc',
  '~/.cshrc',
  '~/.tcshrc',
  '~/.login',
  '~/.config/fish/**',
  '/etc/profile',
  '/etc/profile.d/**',
  '/etc/bash.bashrc',
  '/etc/bashrc',
  '/etc/zshrc',
  '/etc/zsh/**',
  '/etc/environment',
  '**/.git/hooks/**',
];

// Writing to a block device (or to memory) destroys file systems wholesale, as `dd of=/dev/sda` does.
const BLOCK_DEVICES = ['sd*', 'hd*', 'vd*', 'xvd*', 'nvme*', 'mmcblk*', 'disk*', 'rdisk*', 'loop*', 'md*', 'dm-*', 'mapper/**', 'mem', 'kmem', 'port'].map(
  (name) => `/dev/${name}`,
);

/**
 * The built-in danger list: commands and paths that stay refused, whatever `allow` says, until the policy's
 * `danger` list opens them with a matching entry. Command entries are prefixes, as in deny lists; `fs:r:`
 * entries apply to reads and `fs:w:` entries to writes. Writes to `.labelflow/` would let a tool edit policies
 * and the audit trail. `cmd:labelflow-refused` carries refusals of the ready-made tools (see
 * `REFUSED_COMMAND`); the tools re-check before running, so opening it never runs a refused call.
 *
 * @example
 * ```ts
 * DEFAULT_DANGER_PATTERNS.includes('cmd:git:push:*:--force'); // true
 * compileCapabilities({ danger: ['cmd:git:push:*:--force'] }); // opens force pushes, and nothing else
 * ```
 */
export const DEFAULT_DANGER_PATTERNS: readonly string[] = Object.freeze([
  ...COMMANDS,
  ...CREDENTIALS.map((glob) => `fs:r:${glob}`),
  ...CREDENTIALS.map((glob) => `fs:w:${glob}`),
  ...SHELL_STARTUP.map((glob) => `fs:w:${glob}`),
  ...BLOCK_DEVICES.map((glob) => `fs:w:${glob}`),
  'fs:w:**/.labelflow/**',
]);
