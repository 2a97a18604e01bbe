import { describe, expect, it } from 'vitest';
import { analyzeCommand } from './analyze-command.js';

function analysis(text: string) {
  const result = analyzeCommand(text, { env: { HOME: '/home/u' } });
  if (result.type !== 'parsed') throw new Error(result.reason);
  return result;
}

describe('walkScript', () => {
  it('should walk substitutions anywhere: arguments, assignments, redirections, here-documents, loop items', () => {
    const text = 'X=$(a) b "$(c)" > "$(echo out)" <<EOF\n$(d)\nEOF\nfor i in $(e); do :; done';
    expect(() => analysis(text)).toThrow('computed at run time');
    const result = analysis('X=$(a) echo "$(c)" <<EOF\n$(d)\nEOF\nfor i in $(e); do :; done');
    expect(result.invocations.map((invocation) => invocation.bin)).toEqual(['a', 'd', 'c', 'echo', 'e', ':']);
    expect(result.substitutions.map((substitution) => substitution.source)).toEqual(['$(a)', '$(d)', '$(c)', '$(e)']);
  });

  it('should give pipe input to every command after the first of a pipeline, and redirected input', () => {
    expect(analysis('a | b | c < f').invocations.map((invocation) => invocation.input)).toEqual(['none', 'pipe', 'file']);
  });

  it('should record redirections with their modes', () => {
    expect(analysis('a < in > out 2>&1 <> both >| force 3<&0 <<< text').redirects.map((redirect) => `${redirect.op}${redirect.mode}`)).toEqual([
      '<r',
      '>w',
      '>&dup',
      '<>rw',
      '>|w',
      '<&dup',
      '<<<data',
    ]);
  });

  it('should walk subshells with their redirections', () => {
    const result = analysis('(a; b) > out');
    expect(result.invocations.map((invocation) => invocation.bin)).toEqual(['a', 'b']);
    expect(result.files.map((file) => `${file.mode}:${file.word.value}`)).toEqual(['w:out']);
  });

  it.each([
    ['PATH=/x ls', 'assigning `PATH`'],
    ['echo > $OUT', 'computed at run time'],
    ['echo > {a,b}', 'more than one file'],
    ['cat < /dev/udp/h/53', 'network connection'],
    ['{a,b}', 'brace expansion'],
  ])('should refuse %j', (text, reason) => {
    expect(analyzeCommand(text)).toMatchObject({ type: 'uncertain', reason: expect.stringContaining(reason) });
  });
});
