import { describe, expect, it } from 'vitest';
import { analyzeCommand } from './analyze-command.js';

function analysis(text: string) {
  const result = analyzeCommand(text);
  if (result.type !== 'parsed') throw new Error(result.reason);
  return result;
}

describe('runners', () => {
  it('should resolve xargs commands with their input as arguments', () => {
    const [, xargs, rm] = analysis('ls | xargs -I {} -P 4 rm {}').invocations;
    expect([xargs?.bin, rm?.bin, rm?.input, rm?.via]).toEqual(['xargs', 'rm', 'arguments', ['xargs']]);
  });

  it('should resolve find -exec commands, -delete and -fprint', () => {
    const result = analysis('find . -name "*.o" -execdir rm -f {} \\; -fprint list.txt -delete');
    expect(result.invocations.map((invocation) => [invocation.bin, invocation.risks])).toEqual([
      ['find', ['destructive']],
      ['rm', ['destructive']],
    ]);
    expect(result.files.filter((file) => file.mode === 'w').map((file) => file.word.value)).toEqual(['list.txt']);
  });

  it('should resolve watch, flock, su, runuser, script and busybox commands', () => {
    expect(analysis("watch -n 5 'df -h'; watch -x ls -l; flock /tmp/l make; flock /tmp/l -c 'make all'").invocations.map((invocation) => invocation.bin)).toEqual([
      'watch',
      'df',
      'watch',
      'ls',
      'flock',
      'make',
      'flock',
      'make',
    ]);
    expect(analysis("su -c 'id' me; runuser -u me -c ls; script -q -c 'ls' log.txt; busybox ls").invocations.map((invocation) => invocation.bin)).toEqual([
      'su',
      'id',
      'runuser',
      'ls',
      'script',
      'ls',
      'busybox',
      'ls',
    ]);
  });

  it('should record directories for cd and pushd', () => {
    expect(analysis('cd src; pushd /tmp; cd').directories.map((word) => word.value)).toEqual(['src', '/tmp', '~']);
  });

  it.each([
    ['ls | xargs -I % % --help', 'its input names'],
    ['find . -exec rm {}', 'not ended'],
    ['find . -exec {} \\;', 'runs the files it finds'],
    ['watch "$CMD"', 'computed at run time'],
    ['cd -', 'does not know'],
    ['su -c', 'no command string'],
  ])('should refuse %j', (text, reason) => {
    expect(analyzeCommand(text)).toMatchObject({ type: 'uncertain', reason: expect.stringContaining(reason) });
  });
});
