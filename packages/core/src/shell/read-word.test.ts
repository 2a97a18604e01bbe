import { describe, expect, it } from 'vitest';
import { parseShell } from './parse-shell.js';
import type { WordPart } from './shell-syntax.js';

function parts(text: string): WordPart[] {
  const command = parseShell(`x ${text}`).pipelines[0]?.commands[0];
  return command?.type === 'simple' ? [...(command.words[1]?.parts ?? [])] : [];
}

describe('readWord', () => {
  it('should mark quoted and unquoted literals', () => {
    expect(parts(`a'b'"c"\\d`)).toEqual([
      { type: 'literal', text: 'a', quoted: false },
      { type: 'literal', text: 'b', quoted: true },
      { type: 'literal', text: 'c', quoted: true },
      { type: 'literal', text: 'd', quoted: true },
    ]);
    expect(parts('""')).toEqual([{ type: 'literal', text: '', quoted: true }]);
  });

  it('should read variables, special parameters and a lone $', () => {
    expect(parts('$A${B}$1$@"$C"$').map((part) => (part.type === 'variable' ? `${part.name}${part.quoted ? '!' : ''}` : part.type === 'literal' ? part.text : part.type))).toEqual([
      'A',
      'B',
      '1',
      '@',
      'C!',
      '$',
    ]);
  });

  it('should unescape backticks and parse their command', () => {
    const [part] = parts('`echo \\`id\\``');
    expect(part?.type === 'substitution' && part.script.pipelines[0]?.commands[0]).toMatchObject({ type: 'simple' });
  });

  it('should read the tilde only at the start of a word', () => {
    expect(parts('~/a').map((part) => part.type)).toEqual(['tilde', 'literal']);
    expect(parts('a~/b').map((part) => part.type)).toEqual(['literal']);
  });
});
