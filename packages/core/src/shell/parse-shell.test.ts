import { describe, expect, it } from 'vitest';
import { parseShell } from './parse-shell.js';
import type { Command, Script } from './shell-syntax.js';
import { UncertainSyntax } from './uncertain-syntax.js';

function commands(script: Script): Command[] {
  return script.pipelines.flatMap((pipeline) => pipeline.commands);
}

function words(text: string): string[][] {
  return commands(parseShell(text)).map((command) => (command.type === 'simple' ? command.words.map((word) => word.source) : [command.type]));
}

function reason(text: string): string {
  try {
    parseShell(text);
  } catch (error) {
    if (error instanceof UncertainSyntax) return error.reason;
    throw error;
  }
  return 'parsed';
}

describe('parseShell', () => {
  describe('lists and pipelines', () => {
    it('should split lists on every list operator', () => {
      const script = parseShell('a && b || c; d & e\nf');
      expect(script.pipelines).toHaveLength(6);
      expect(script.operators).toEqual(['&&', '||', ';', '&', '\n']);
    });

    it('should keep pipeline operators', () => {
      expect(parseShell('a | b |& c').pipelines[0]?.operators).toEqual(['|', '|&']);
    });

    it('should allow a line break after && and |', () => {
      expect(words('a &&\n b |\n c')).toEqual([['a'], ['b'], ['c']]);
    });

    it('should parse subshells and flatten groups and control-flow keywords', () => {
      expect(words('(cd src && ls) > out')).toEqual([['subshell']]);
      expect(words('if a; then b; elif c; then d; else e; fi')).toEqual([['a'], ['b'], ['c'], ['d'], ['e'], []]);
      expect(words('while read x; do echo $x; done < f')).toEqual([['read', 'x'], ['echo', '$x'], []]);
      expect(words('{ a; b; }')).toEqual([['a'], ['b'], []]);
      expect(words('! a')).toEqual([['a']]);
    });

    it('should read a for loop header as a loop command', () => {
      const [loop] = commands(parseShell('for f in a b; do echo $f; done'));
      expect(loop).toMatchObject({ type: 'loop', variable: 'f' });
      expect(loop?.type === 'loop' && loop.items?.map((item) => item.source)).toEqual(['a', 'b']);
    });

    it('should skip comments', () => {
      expect(words('ls # rm -rf /\necho x#y')).toEqual([['ls'], ['echo', 'x#y']]);
    });
  });

  describe('words', () => {
    it('should remove quotes and apply escapes', () => {
      const [command] = commands(parseShell(`e'c'"h"\\o "a\\"b" 'c"d' \\$x`));
      expect(command?.type === 'simple' && command.words.map((word) => word.parts.map((part) => (part.type === 'literal' ? part.text : part.type)).join(''))).toEqual([
        'echo',
        'a"b',
        'c"d',
        '$x',
      ]);
    });

    it('should keep variables, substitutions and tildes as parts', () => {
      const [command] = commands(parseShell('echo ~/a $HOME ${USER} "$(id)" `id` <(ls) $((1+2))'));
      expect(command?.type === 'simple' && command.words.slice(1).map((word) => word.parts[0]?.type)).toEqual([
        'tilde',
        'variable',
        'variable',
        'substitution',
        'substitution',
        'substitution',
        'arithmetic',
      ]);
    });

    it('should join a line continuation', () => {
      const [command] = commands(parseShell('ec\\\nho a \\\n b'));
      expect(command?.type === 'simple' && command.words.map((word) => word.parts.map((part) => (part.type === 'literal' ? part.text : '')).join(''))).toEqual(['echo', 'a', 'b']);
    });

    it('should split assignments from words only before the command name', () => {
      const [command] = commands(parseShell('A=1 B=~/x cmd C=2'));
      expect(command?.type === 'simple' && command.assignments.map((assignment) => [assignment.name, assignment.value.parts[0]?.type])).toEqual([
        ['A', 'literal'],
        ['B', 'tilde'],
      ]);
      expect(command?.type === 'simple' && command.words.map((word) => word.source)).toEqual(['cmd', 'C=2']);
    });
  });

  describe('redirections and here-documents', () => {
    it('should read file descriptor numbers and every redirection operator', () => {
      const [command] = commands(parseShell('cmd 2>&1 >> out < in 2>/dev/null &> all <> rw'));
      expect(command?.type === 'simple' && command.redirects.map((redirect) => `${redirect.fd ?? ''}${redirect.op}${redirect.target.source}`)).toEqual([
        '2>&1',
        '>>out',
        '<in',
        '2>/dev/null',
        '&>all',
        '<>rw',
      ]);
    });

    it('should read here-document bodies, quoted literally and unquoted with expansions', () => {
      const [quoted, unquoted] = commands(parseShell("cat <<'EOF' && cat <<-END\n$HOME\nEOF\n\t$(id)\n\tEND\n"));
      expect(quoted?.type === 'simple' && quoted.redirects[0]?.heredoc).toMatchObject({ quoted: true, body: { source: '$HOME\n' } });
      expect(unquoted?.type === 'simple' && unquoted.redirects[0]?.heredoc?.body.parts.map((part) => part.type)).toEqual(['literal', 'substitution', 'literal']);
    });

    it('should read a here-document inside a command substitution', () => {
      const [command] = commands(parseShell('x=$(cat <<EOF\nhi\nEOF\n)'));
      expect(command?.type === 'simple' && command.assignments[0]?.value.parts[0]?.type).toBe('substitution');
    });
  });

  describe('uncertain syntax', () => {
    it.each([
      ["echo 'open", 'single quote'],
      ['echo "open', 'double quote'],
      ['echo $(open', 'never closed'],
      ['echo `open', 'backtick'],
      ['echo ${open', 'never closed'],
      ['cat <<EOF\nbody', 'end line'],
      ['cat <<EOF', 'no body'],
      ['cat <<$X\nx\n$X', 'delimiter'],
      ['a &&', 'not followed'],
      ['a |', 'not followed'],
      ['a )', 'no matching'],
      ['; a', 'unexpected'],
      ['case x in x) a;; esac', '`case`'],
      ['[[ -f x ]]', '`[[ … ]]`'],
      ['((x++))', 'arithmetic'],
      ['for ((;;)); do a; done', 'arithmetic'],
      ['select x in a; do b; done', '`select`'],
      ['function f { a; }', 'function'],
      ['f() { a; }', 'defines a shell function'],
      ['x=(a b)', 'array assignment'],
      ["echo $'\\x41'", 'sh and bash'],
      ['echo $"x"', 'sh and bash'],
      ['echo ${x:-y}', 'parameter expansion'],
      ['echo $((a+1))', 'arithmetic expansion'],
      ['cat ~root/x', 'tilde expansion'],
      ['cmd {fd}>out', 'named file descriptor'],
      ['coproc a', '`coproc`'],
      ['echo ' + '$('.repeat(12) + ')'.repeat(12), 'nested'],
    ])('should refuse %j', (text, expected) => {
      expect(reason(text)).toContain(expected);
    });
  });
});
