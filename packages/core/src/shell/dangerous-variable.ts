// Variables that decide which code runs: the command search path, shell start-up files, the dynamic linker,
// interpreters' start-up options, and programs that other programs launch (pagers, editors, git's helpers).
const NAMES = new Set([
  'PATH', 'IFS', 'ENV', 'BASH_ENV', 'CDPATH', 'GLOBIGNORE', 'PS4', 'PROMPT_COMMAND', 'SHELLOPTS', 'BASHOPTS', 'HOME', 'ZDOTDIR',
  'XDG_CONFIG_HOME', 'PAGER', 'MANPAGER', 'EDITOR', 'VISUAL', 'BROWSER', 'LESSOPEN', 'LESSCLOSE', 'NODE_OPTIONS', 'NODE_PATH',
  'PYTHONSTARTUP', 'PYTHONPATH', 'PYTHONHOME', 'PERL5OPT', 'PERL5LIB', 'PERLLIB', 'RUBYOPT', 'RUBYLIB', 'JAVA_TOOL_OPTIONS',
  '_JAVA_OPTIONS', 'SSH_ASKPASS', 'SUDO_ASKPASS', 'SHELL', 'CONFIG_SHELL', 'MAKEFLAGS', 'MAKE', 'CC', 'CXX', 'CPP', 'LD', 'AR',
]);
const PREFIXES = ['LD_', 'DYLD_', 'GIT_', 'npm_config_', 'NPM_CONFIG_', 'BASH_FUNC_'];
// Git variables that only name the author or committer of a commit.
const GIT_IDENTITY = /^GIT_(?:AUTHOR|COMMITTER)_(?:NAME|EMAIL|DATE)$/u;

/**
 * True when assigning this variable can change which program runs or what a program executes (`PATH`,
 * `LD_PRELOAD`, `GIT_SSH_COMMAND`, `PAGER`…): such an assignment makes a command uncertain.
 *
 * @example
 * ```ts
 * isDangerousVariable('LD_PRELOAD');      // true
 * isDangerousVariable('GIT_AUTHOR_NAME'); // false
 * ```
 */
export function isDangerousVariable(name: string): boolean {
  if (NAMES.has(name)) return true;
  if (GIT_IDENTITY.test(name)) return false;
  return PREFIXES.some((prefix) => name.startsWith(prefix));
}
