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

const COMMANDS = [
  'cmd:sudo',
  'cmd:su',
  'cmd:doas',
  'cmd:pkexec',
  'cmd:dd',
  'cmd:mkfs',
  ...['ext2', 'ext3', 'ext4', 'xfs', 'btrfs', 'vfat', 'fat', 'ntfs'].map((type) => `cmd:mkfs.${type}`),
  'cmd:shutdown',
  'cmd:reboot',
  'cmd:halt',
  'cmd:poweroff',
  ...RECURSIVE_FORCE_DELETE,
  'cmd:chmod:*:777',
  'cmd:chmod:-R',
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

// Shell start-up files run on the next login, so writing one is code execution outside every policy.
const SHELL_STARTUP = ['~/.bashrc', '~/.bash_profile', '~/.profile', '~/.zshrc', '~/.zprofile', '~/.config/fish/**'];

/**
 * The built-in danger list: commands and paths that stay refused, whatever `allow` says, until the policy's
 * `danger` list opens them with a matching entry. Command entries are prefixes, as in deny lists; `fs:r:`
 * entries apply to reads and `fs:w:` entries to writes. Writes to `.labelflow/` would let a tool edit policies
 * and the audit trail.
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
  'fs:w:**/.labelflow/**',
]);
