import { innerContext, type ProgramHandler } from './program-call.js';
import { joinCommand } from './resolve-runners.js';
import { wordText } from './shell-word.js';
import { optionValue, splitOptions } from './split-options.js';
import { uncertain } from './uncertain-syntax.js';

const GLOBAL_WITH_VALUE = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--super-prefix', '--config-env'];
// Configuration keys whose value git runs as a program (or hands to a shell).
const EXECUTING_KEY = /^(?:core\.(?:pager|editor|sshcommand|fsmonitor|hookspath|askpass|gitproxy)|alias\..+|sequence\.editor|diff\.external|web\.browser|(?:credential|gpg|uploadpack|receivepack|pager|filter|diff|merge|difftool|mergetool|instaweb|man)\..*)$/iu;

/**
 * `git [global options] <subcommand> …`: global options are dropped from the words patterns see (so
 * `cmd:git:push:*:--force` also matches `git -C repo push --force`), `-c` and `--config-env` are refused (they
 * set configuration that can run programs), and subcommands that run commands (`rebase --exec`, `bisect run`,
 * `submodule foreach`, `difftool --extcmd`) have them resolved.
 */
export const resolveGit: ProgramHandler = (call) => {
  const { options, rest } = splitOptions(call.args, { withValue: GLOBAL_WITH_VALUE });
  for (const option of options) {
    if (option.name === '-c' || option.name === '--config-env') uncertain(`\`git ${option.name}\` sets configuration (such as \`core.pager\` or \`alias.*\`) that can run programs`);
    if (option.name === '--exec-path' && option.attached !== undefined) uncertain('`git --exec-path=…` runs git commands from another directory');
    if (option.value === undefined) continue;
    if (option.name === '-C') call.collector.directories.push(option.value);
    if (option.name === '-C' || option.name === '--git-dir' || option.name === '--work-tree') call.files([option.value], 'rw');
  }
  const [sub, ...subArgs] = rest;
  const subcommand = sub?.value;
  const texts = subArgs.map(wordText);
  const destructive = subcommand === 'clean' || (subcommand === 'reset' && texts.includes('--hard'));
  call.record([call.name, ...rest.map(wordText)], destructive ? ['destructive'] : []);
  call.files(rest);
  if (subcommand === 'filter-branch') uncertain('`git filter-branch` runs shell snippets');
  if (subcommand === 'config' && texts.some((text) => EXECUTING_KEY.test(text))) uncertain('`git config` sets a key whose value git runs as a program');
  if (subcommand === 'bisect' && texts[0] === 'run') call.resolve(subArgs.slice(1), innerContext(call, 'git bisect run'));
  if (subcommand === 'submodule' && texts.includes('foreach')) {
    const command = subArgs.slice(texts.indexOf('foreach') + 1).filter((word) => word.value !== '--recursive');
    call.collector.nested(joinCommand(command, 'git submodule foreach'), call.context, 'git submodule foreach');
  }
  const runs = subcommand === 'rebase' ? ['-x', '--exec'] : subcommand === 'difftool' || subcommand === 'mergetool' ? ['-x', '--extcmd'] : [];
  if (runs.length === 0) return;
  for (const option of splitOptions(subArgs, { withValue: runs, stopAtOperand: false }).options) {
    if (!runs.includes(option.name)) continue;
    const text = optionValue(option);
    if (text === undefined) uncertain(`\`git ${subcommand} ${option.name}\` runs a command string computed at run time`);
    call.collector.nested(text, call.context, `git ${subcommand} ${option.name}`);
  }
};
