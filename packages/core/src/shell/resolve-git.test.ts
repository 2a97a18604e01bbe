import { describe, expect, it } from 'vitest';
import { analyzeCommand } from './analyze-command.js';

function analysis(text: string) {
  const result = analyzeCommand(text);
  if (result.type !== 'parsed') throw new Error(result.reason);
  return result;
}

describe('resolveGit', () => {
  it('should drop global options from the words patterns see', () => {
    expect(analysis('git -C repo --no-pager -P --git-dir=.git push --force').invocations[0]?.words).toEqual(['git', 'push', '--force']);
    expect(analysis('git -C repo status').directories.map((word) => word.value)).toEqual(['repo']);
  });

  it('should mark destructive subcommands', () => {
    expect(analysis('git clean -fdx').invocations[0]?.risks).toEqual(['destructive']);
    expect(analysis('git reset --hard').invocations[0]?.risks).toEqual(['destructive']);
    expect(analysis('git reset --soft HEAD~1').invocations[0]?.risks).toEqual([]);
  });

  it('should resolve the commands some subcommands run', () => {
    expect(analysis("git rebase --exec='npm test' main").invocations.map((invocation) => invocation.bin)).toEqual(['git', 'npm']);
    expect(analysis("git submodule foreach --recursive 'git pull'").invocations.map((invocation) => invocation.bin)).toEqual(['git', 'git']);
    expect(analysis('git difftool -x "diff -u" HEAD').invocations.map((invocation) => invocation.bin)).toEqual(['git', 'diff']);
  });

  it.each([
    ['git -c core.pager=less log', '`git -c`'],
    ['git --config-env=core.pager=PAGER log', '`git --config-env`'],
    ['git --exec-path=/tmp status', '`git --exec-path=…`'],
    ['git config alias.st "!sh"', 'runs as a program'],
    ['git config --global core.hooksPath /tmp', 'runs as a program'],
    ['git filter-branch --tree-filter x', 'shell snippets'],
    ['git rebase -x "$CMD"', 'computed at run time'],
  ])('should refuse %j', (text, reason) => {
    expect(analyzeCommand(text)).toMatchObject({ type: 'uncertain', reason: expect.stringContaining(reason) });
  });

  it('should allow ordinary configuration', () => {
    expect(analyzeCommand('git config user.name "Ann"').type).toBe('parsed');
  });
});
