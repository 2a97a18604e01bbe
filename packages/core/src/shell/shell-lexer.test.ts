import { describe, expect, it } from 'vitest';
import { parseShell } from './parse-shell.js';
import { nextToken, type LexerState, type Token } from './shell-lexer.js';
import { UncertainSyntax } from './uncertain-syntax.js';

function tokens(text: string): string[] {
  const state: LexerState = { text, pos: 0, lookahead: undefined, heredocs: [], depth: 0, parseNested: () => ({ pipelines: [], operators: [] }), parseText: parseShell };
  const found: string[] = [];
  for (let token: Token = nextToken(state); token.type !== 'eof'; token = nextToken(state)) {
    found.push(token.type === 'word' ? `w:${token.word.source}` : token.type === 'op' ? `o:${token.fd ?? ''}${token.op}` : 'nl');
  }
  return found;
}

describe('nextToken', () => {
  it('should read the longest operator', () => {
    expect(tokens('a&&b||c;;d|&e&>>f<<<g')).toEqual(['w:a', 'o:&&', 'w:b', 'o:||', 'w:c', 'o:;;', 'w:d', 'o:|&', 'w:e', 'o:&>>', 'w:f', 'o:<<<', 'w:g']);
  });

  it('should read file descriptor numbers only right before a redirection', () => {
    expect(tokens('echo 2>err 2 >out 10<in')).toEqual(['w:echo', 'o:2>', 'w:err', 'w:2', 'o:>', 'w:out', 'o:10<', 'w:in']);
  });

  it('should skip blanks, line continuations and comments, and keep newlines', () => {
    expect(tokens('a \\\n b # c\nd')).toEqual(['w:a', 'w:b', 'nl', 'w:d']);
  });

  it('should refuse named file descriptors', () => {
    expect(() => tokens('cmd {fd}>x')).toThrow(UncertainSyntax);
  });
});
