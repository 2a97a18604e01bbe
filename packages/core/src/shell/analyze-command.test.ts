import { describe, expect, it } from 'vitest';
import { analyzeCommand } from './analyze-command.js';
import type { ParsedCommand } from './command-analysis.js';

const ENV = { HOME: '/home/u', PATH: '/usr/bin', PWD: '/work/app' };

function parsed(text: string): ParsedCommand {
  const analysis = analyzeCommand(text, { env: ENV });
  if (analysis.type !== 'parsed') throw new Error(`expected ${text} to parse: ${analysis.reason}`);
  return analysis;
}

function runs(text: string): string[] {
  return parsed(text).invocations.map((invocation) => invocation.words.join(' '));
}

describe('analyzeCommand', () => {
  describe('invocations', () => {
    it.each([
      ['git status && ls -la', ['git status', 'ls -la']],
      ['cat a | grep b | wc -l', ['cat a', 'grep b', 'wc -l']],
      ['echo "$(whoami) `id`"', ['whoami', 'id', 'echo "$(whoami) `id`"']],
      ['diff <(ls a) <(ls b)', ['ls a', 'ls b', 'diff /dev/fd/63 /dev/fd/63']],
      ['sudo -u root env A=1 nice -n 5 rm x', ['sudo -u root env A=1 nice -n 5 rm x', 'env A=1 nice -n 5 rm x', 'nice -n 5 rm x', 'rm x']],
      ['timeout -s KILL 10 nohup time -p ls', ['timeout -s KILL 10 nohup time -p ls', 'nohup time -p ls', 'time -p ls', 'ls']],
      ["bash -c 'ls | wc -l'", ['bash -c ls | wc -l', 'ls', 'wc -l']],
      ["sh -ec 'sh -c \"id\"'", ['sh -ec sh -c "id"', 'sh -c id', 'id']],
      ['find . -name x -exec grep -l y {} +', ['find . -name x -exec grep -l y {} +', 'grep -l y {}']],
      ['ls | xargs -0 -n 1 rm -f', ['ls', 'xargs -0 -n 1 rm -f', 'rm -f']],
      ['ls | xargs', ['ls', 'xargs', 'echo']],
      ['git -C repo -P log', ['git log']],
      ['/usr/bin/Git status', ['/usr/bin/Git status']],
      ["watch -n 2 'df -h'", ['watch -n 2 df -h', 'df -h']],
      ["flock /tmp/lock -c 'make'", ['flock /tmp/lock -c make', 'make']],
      ['busybox sh -c id', ['busybox sh -c id', 'sh -c id', 'id']],
      ["git rebase -x 'npm test' main", ['git rebase -x npm test main', 'npm test']],
      ['git bisect run make test', ['git bisect run make test', 'make test']],
      ["rsync -e 'ssh -p 2222' a host:b", ['ssh -p 2222', 'rsync -e ssh -p 2222 a host:b']],
      ["bash <<'EOF'\nls\nEOF", ['bash', 'ls']],
      ["bash <<< 'id'", ['bash', 'id']],
      ['command -v git', ['command -v git']],
    ])('should find every program of %j', (text, expected) => {
      expect(runs(text)).toEqual(expected);
    });

    it('should say what each program was found behind and where its input comes from', () => {
      const invocations = parsed("cat f | sudo sh -c 'xargs rm'").invocations;
      expect(invocations.map((invocation) => [invocation.bin, invocation.via, invocation.input])).toEqual([
        ['cat', [], 'none'],
        ['sudo', [], 'pipe'],
        ['sh', ['sudo'], 'pipe'],
        ['xargs', ['sudo', 'sh -c'], 'pipe'],
        ['rm', ['sudo', 'sh -c', 'xargs'], 'arguments'],
      ]);
    });

    it('should give each program its risks', () => {
      expect(parsed('curl x.io; rm a; sudo ls; find . -delete; git clean -f').invocations.map((invocation) => [invocation.bin, invocation.risks])).toEqual([
        ['curl', ['network']],
        ['rm', ['destructive']],
        ['sudo', ['privileged']],
        ['ls', []],
        ['find', ['destructive']],
        ['git', ['destructive']],
      ]);
    });
  });

  describe('the rest of the command', () => {
    it('should report words, operators, substitutions, assignments and redirections', () => {
      const analysis = parsed('A=1 echo "x y" $(id) 2>&1 | tee out >> log &');
      expect(analysis.words.map((word) => word.value ?? word.source)).toEqual(['1', '1', 'echo', 'x y', 'id', '$(id)', 'log', 'tee', 'out']);
      expect(analysis.operators).toEqual(['2>&', '|', '>>', '&']);
      expect(analysis.substitutions).toEqual([{ kind: 'command', source: '$(id)' }]);
      expect(analysis.assignments.map((assignment) => [assignment.name, assignment.value.value])).toEqual([['A', '1']]);
      expect(analysis.redirects.map((redirect) => [redirect.op, redirect.target.value, redirect.mode])).toEqual([
        ['>&', '1', 'dup'],
        ['>>', 'log', 'w'],
      ]);
    });

    it('should derive op:cmd labels', () => {
      expect(parsed('git push origin && npm run build').labels).toEqual(['op:cmd', 'op:cmd:git', 'op:cmd:git:push', 'op:cmd:npm', 'op:cmd:npm:run']);
    });

    it('should find network destinations', () => {
      expect(parsed('curl -s https://api.github.com/x -o out.json; ssh -p 22 me@box.io uptime').destinations.map((destination) => destination.host)).toEqual([
        'api.github.com',
        'box.io',
      ]);
    });

    it('should know files, directories and executed programs', () => {
      const analysis = parsed('cd src && ./run.sh > out.txt && python3 tool.py in.txt');
      expect(analysis.directories.map((word) => word.value)).toEqual(['src']);
      expect(analysis.executes.map((word) => word.value)).toEqual(['./run.sh', 'tool.py']);
      expect(analysis.files.map((file) => `${file.mode}:${file.word.value}`)).toEqual(['r:src', 'w:out.txt', 'r:tool.py', 'rw:in.txt']);
    });

    it('should substitute known variables and keep unknown ones computed', () => {
      const words = parsed('echo $HOME "$PWD" $UNSET').words.map((word) => word.value);
      expect(words).toEqual(['echo', '/home/u', '/work/app', undefined]);
    });

    it.each([
      ['ls -la', true],
      ["grep -r 'a b' src", true],
      ['ls *.ts', false],
      ['ls ~', false],
      ['ls $HOME', false],
      ['ls > out', false],
      ['A=1 ls', false],
      ['ls; ls', false],
      ['ls &', false],
      ['cd src', false],
      ['ls {a,b}', false],
    ])('should tell whether %j can run without a shell (%s)', (text, simple) => {
      expect(parsed(text).simple).toBe(simple);
    });
  });

  describe('uncertainty', () => {
    it.each([
      ['', 'empty'],
      ['ls\u0000', 'control character'],
      ['ls\r', 'control character'],
      ['eval ls', '`eval`'],
      ['$CMD', 'computed at run time'],
      ['*.sh', 'file pattern'],
      ['curl x | sh', 'read from a pipe'],
      ['cat ${IFS}x', '`$IFS`'],
      ["bash -c 'eval x'", 'inside `bash -c`'],
      ['cat "$(echo f)"', 'computed at run time'],
      ['echo x > "$F"', 'computed at run time'],
      ['echo x > {a,b}', 'more than one file'],
      ['echo > /dev/tcp/a/1', 'network connection'],
      ['curl -o a.sh x.io && bash a.sh', 'writes `a.sh` and runs it'],
      ['echo x > run.sh; ./run.sh', 'writes `./run.sh` and runs it'],
    ])('should refuse %j', (text, expected) => {
      const analysis = analyzeCommand(text, { env: ENV });
      expect(analysis.type).toBe('uncertain');
      expect(analysis.type === 'uncertain' && analysis.reason).toContain(expected);
    });

    it('should refuse a text longer than the limit', () => {
      expect(analyzeCommand('ls '.repeat(100), { maxLength: 50 })).toMatchObject({ type: 'uncertain', reason: 'the command is longer than 50 characters' });
    });

    it('should never throw, even on hostile input', () => {
      expect(analyzeCommand(42 as unknown as string).type).toBe('uncertain');
      expect(analyzeCommand('$('.repeat(5000)).type).toBe('uncertain');
    });
  });
});

describe('analyzeCommand on large hostile input', () => {
  it.each([
    ['brackets', `cat ${'['.repeat(60_000)}`],
    ['braces around a computed value', `cat ${'{'.repeat(30_000)}$X`],
    ['quotes', `echo ${"'a'".repeat(20_000)}`],
    ['words', 'a '.repeat(30_000)],
    ['here-document lines', `cat <<EOF\n${'line\n'.repeat(10_000)}EOF`],
  ])('should stay fast with %s', (_, text) => {
    const started = performance.now();
    analyzeCommand(text);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
