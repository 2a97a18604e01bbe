import { readBacktick, readDollar, readWord } from './read-word.js';
import type { RedirectOperator, Script, Word, WordPart } from './shell-syntax.js';
import { uncertain } from './uncertain-syntax.js';

/** A token of the shell grammar. `fd` is the IO number written before a redirection (`2>`). */
export type Token =
  | { readonly type: 'word'; readonly word: Word }
  | { readonly type: 'op'; readonly op: string; readonly fd?: number }
  | { readonly type: 'newline' }
  | { readonly type: 'eof' };

/** A here-document whose body starts after the next newline. `fill` receives the body once it is read. */
interface PendingHeredoc {
  readonly delimiter: string;
  readonly quoted: boolean;
  readonly stripTabs: boolean;
  readonly fill: (body: Word) => void;
}

/** The lexer's position in one text, shared by the parser and every substitution nested in that text. */
export interface LexerState {
  readonly text: string;
  pos: number;
  lookahead: Token | undefined;
  readonly heredocs: PendingHeredoc[];
  readonly depth: number;
  /** Parses a list up to the `)` that closes a substitution (injected by the parser, so the two files do not cycle). */
  readonly parseNested: (state: LexerState) => Script;
  /** Parses a separate text (backticks, here-document bodies) one level deeper. */
  readonly parseText: (text: string, depth: number) => Script;
}

export const REDIRECT_OPERATORS: ReadonlySet<string> = new Set<RedirectOperator>(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);
// Longest first, so `&&` is never read as two `&`.
const OPERATORS = [';;&', '&>>', '<<<', '<<-', '&&', '||', ';;', ';&', '|&', '&>', '<<', '<>', '<&', '>>', '>|', '>&', ';', '&', '|', '(', ')', '<', '>'];

export function peekToken(state: LexerState): Token {
  state.lookahead ??= readToken(state);
  return state.lookahead;
}

export function nextToken(state: LexerState): Token {
  const token = peekToken(state);
  state.lookahead = undefined;
  return token;
}

/** Registers a here-document: its body is read when the lexer reaches the end of the current line. */
export function addHeredoc(state: LexerState, heredoc: PendingHeredoc): void {
  state.heredocs.push(heredoc);
}

function readToken(state: LexerState): Token {
  const { text } = state;
  for (;;) {
    while (state.pos < text.length) {
      const char = text[state.pos];
      if (char === ' ' || char === '\t') state.pos += 1;
      else if (char === '\\' && text[state.pos + 1] === '\n') state.pos += 2;
      else break;
    }
    if (text[state.pos] !== '#') break;
    while (state.pos < text.length && text[state.pos] !== '\n') state.pos += 1;
  }
  if (state.pos >= text.length) return { type: 'eof' };
  if (text[state.pos] === '\n') {
    state.pos += 1;
    readHeredocBodies(state);
    return { type: 'newline' };
  }
  if (text.startsWith('<(', state.pos) || text.startsWith('>(', state.pos)) return wordToken(state);
  const op = OPERATORS.find((candidate) => text.startsWith(candidate, state.pos));
  if (op !== undefined) {
    state.pos += op.length;
    return { type: 'op', op };
  }
  return wordToken(state);
}

function wordToken(state: LexerState): Token {
  const word = readWord(state);
  const next = state.text[state.pos];
  const only = word.parts.length === 1 ? word.parts[0] : undefined;
  if ((next === '<' || next === '>') && only?.type === 'literal' && !only.quoted) {
    if (/^\d+$/u.test(only.text)) {
      const op = OPERATORS.find((candidate) => state.text.startsWith(candidate, state.pos));
      if (op === undefined || !REDIRECT_OPERATORS.has(op)) uncertain(`\`${word.source}\` is followed by an operator that is not a redirection`);
      state.pos += op.length;
      return { type: 'op', op, fd: Number(only.text) };
    }
    if (/^\{[A-Za-z_][A-Za-z0-9_]*\}$/u.test(only.text)) uncertain(`redirection to a named file descriptor \`${only.text}\` is not analysed`);
  }
  return { type: 'word', word };
}

function readHeredocBodies(state: LexerState): void {
  const { text } = state;
  for (const heredoc of state.heredocs.splice(0)) {
    let body = '';
    for (;;) {
      if (state.pos >= text.length) uncertain(`a here-document never reaches its end line \`${heredoc.delimiter}\``);
      const newline = text.indexOf('\n', state.pos);
      const end = newline === -1 ? text.length : newline;
      let line = text.slice(state.pos, end);
      if (heredoc.stripTabs) line = line.replace(/^\t+/u, '');
      state.pos = newline === -1 ? text.length : newline + 1;
      if (line === heredoc.delimiter) break;
      body += `${line}\n`;
    }
    heredoc.fill(heredoc.quoted ? { parts: [{ type: 'literal', text: body, quoted: true }], source: body } : readHeredocBody(state, body));
  }
}

// An unquoted delimiter makes the body expand like a double-quoted string, without treating `"` specially.
function readHeredocBody(state: LexerState, body: string): Word {
  const sub: LexerState = { ...state, text: body, pos: 0, lookahead: undefined, heredocs: [], depth: state.depth + 1 };
  const parts: WordPart[] = [];
  let literal = '';
  while (sub.pos < body.length) {
    const char = body[sub.pos] as string;
    if (char === '\\' && '$`\\\n'.includes(body[sub.pos + 1] ?? '')) {
      if (body[sub.pos + 1] !== '\n') literal += body[sub.pos + 1];
      sub.pos += 2;
    } else if (char === '$' || char === '`') {
      parts.push({ type: 'literal', text: literal, quoted: true });
      literal = '';
      parts.push(char === '$' ? readDollar(sub, true) : readBacktick(sub, true));
    } else {
      literal += char;
      sub.pos += 1;
    }
  }
  parts.push({ type: 'literal', text: literal, quoted: true });
  return { parts, source: body };
}
