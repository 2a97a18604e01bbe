import { describe, expect, it } from 'vitest';
import { analyzeCommand } from './analyze-command.js';

function analysis(text: string) {
  const result = analyzeCommand(text, { env: { HOME: '/home/u' } });
  if (result.type !== 'parsed') throw new Error(result.reason);
  return result;
}

describe('resolveInvocation', () => {
  it('should resolve wrapped commands after the wrapper options', () => {
    expect(analysis('timeout -k 5 10 ionice -c 3 stdbuf -oL chroot /jail ls').invocations.map((invocation) => invocation.bin)).toEqual([
      'timeout',
      'ionice',
      'stdbuf',
      'chroot',
      'ls',
    ]);
  });

  it('should not resolve a command where the wrapper runs none', () => {
    expect(analysis('command -v rm; ionice -p 12').invocations.map((invocation) => invocation.bin)).toEqual(['command', 'ionice']);
  });

  it('should record env assignments and directories', () => {
    const result = analysis('env -C /srv NODE_ENV=test npm test');
    expect(result.assignments.map((assignment) => [assignment.name, assignment.value.value])).toEqual([['NODE_ENV', 'test']]);
    expect(result.directories.map((word) => word.value)).toEqual(['/srv']);
  });

  it('should register the values of options, not the options themselves, as files', () => {
    expect(analysis('gcc -o/tmp/out -O2 --sysroot=/opt/sys main.c').files.map((file) => file.word.value)).toEqual(['/tmp/out', '/opt/sys', 'main.c']);
  });

  it('should not register the arguments of data-only programs', () => {
    expect(analysis('echo ~/.ssh/id_rsa "$(date)"').files).toEqual([]);
  });

  it.each([
    ['$CMD x', 'computed at run time'],
    ['"" x', 'empty'],
    ['~/bin/*.sh', 'file pattern'],
    ['cat "$X"', 'computed at run time'],
    ['env LD_PRELOAD=x ls', 'LD_PRELOAD'],
    ['env -S "a b"', '`env -S`'],
    ['env -P /tmp ls', '`env -P`'],
    ['source x', '`source`'],
  ])('should refuse %j', (text, reason) => {
    expect(analyzeCommand(text)).toMatchObject({ type: 'uncertain', reason: expect.stringContaining(reason) });
  });
});
