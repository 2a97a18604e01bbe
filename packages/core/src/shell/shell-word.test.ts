import { describe, expect, it } from 'vitest';
import { parseShell } from './parse-shell.js';
import { evaluateWord, wordText, type ShellWord } from './shell-word.js';
import { UncertainSyntax } from './uncertain-syntax.js';

const VARIABLES = { value: (name: string) => ({ HOME: '/home/u', SPACED: 'a b', STAR: '*' })[name] };

function evaluate(text: string): ShellWord[] {
  const [pipeline] = parseShell(`echo ${text}`).pipelines;
  const command = pipeline?.commands[0];
  if (command?.type !== 'simple' || command.words[1] === undefined) throw new Error('no word');
  return evaluateWord(command.words[1], VARIABLES);
}

describe('evaluateWord', () => {
  it.each([
    ["'a b'", 'a b'],
    ['"$HOME"/x', '/home/u/x'],
    ['$HOME', '/home/u'],
    ['"$SPACED"', 'a b'],
    ['$SPACED', undefined],
    ['$STAR', undefined],
    ['"$STAR"', '*'],
    ['$UNKNOWN', undefined],
    ['$1', undefined],
    ['$(id)', undefined],
    ['$((1+2))', undefined],
    ["\"$(cat <<'EOF'\nmsg\n\nEOF\n)\"", 'msg'],
    ['$(cat <<EOF\nmsg\nEOF\n)', undefined],
    ['<(ls)', '/dev/fd/63'],
  ])('should evaluate %j to %j', (text, expected) => {
    expect(evaluate(text)[0]?.value).toBe(expected);
  });

  it('should mark unquoted globs and escape quoted glob characters', () => {
    expect(evaluate('src/*.ts')[0]?.glob).toBe('src/*.ts');
    expect(evaluate('"src/*"?.ts')[0]?.glob).toBe('src/\\*?.ts');
    expect(evaluate('"*.ts"')[0]?.glob).toBeUndefined();
    expect(evaluate('[')[0]?.glob).toBeUndefined();
    expect(evaluate('a[bc]')[0]?.glob).toBe('a[bc]');
  });

  it('should know an unquoted leading tilde', () => {
    expect(evaluate('~/x')[0]).toMatchObject({ value: '~/x', home: true });
    expect(evaluate("'~/x'")[0]).toMatchObject({ value: '~/x', home: false });
  });

  it('should expand braces into several words', () => {
    expect(evaluate('a{1,2}').map(wordText)).toEqual(['a1', 'a2']);
    expect(evaluate('"a{1,2}"').map(wordText)).toEqual(['a{1,2}']);
  });

  it('should refuse $IFS and braces around computed values', () => {
    expect(() => evaluate('${IFS}')).toThrow(UncertainSyntax);
    expect(() => evaluate('{a,$(id)}')).toThrow(UncertainSyntax);
  });

  it('should show a computed word by its source', () => {
    expect(evaluate('"$(id)"').map(wordText)).toEqual(['"$(id)"']);
  });
});
