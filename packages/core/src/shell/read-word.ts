import type { LexerState, Token } from './shell-lexer.js';
import type { Word, WordPart } from './shell-syntax.js';
import { uncertain } from './uncertain-syntax.js';

const WORD_END = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/u;
const SPECIAL_PARAMETER = /^[0-9@*#?$!-]/u;
// Only numbers and operators: a name inside `$((…))` is evaluated as an expression, which can run commands.
const ARITHMETIC = /^[\s0-9+\-*/%()<>=!&|^~?:,]*$/u;

/**
 * Reads one word at the lexer's position: quotes removed, `\` escapes applied, and every expansion kept as a
 * part (variables stay variables; substitutions are parsed, because they run).
 */
export function readWord(state: LexerState): Word {
  const { text } = state;
  const start = state.pos;
  const parts: WordPart[] = [];
  let literal = '';
  const flush = () => {
    if (literal !== '') parts.push({ type: 'literal', text: literal, quoted: false });
    literal = '';
  };
  while (state.pos < text.length) {
    const char = text[state.pos] as string;
    if ((char === '<' || char === '>') && text[state.pos + 1] === '(') {
      flush();
      parts.push(readSubstitution(state, state.pos + 2, 'process', false));
      continue;
    }
    if (WORD_END.has(char)) break;
    if (char === "'") {
      flush();
      const end = text.indexOf("'", state.pos + 1);
      if (end === -1) uncertain('a single quote is never closed');
      parts.push({ type: 'literal', text: text.slice(state.pos + 1, end), quoted: true });
      state.pos = end + 1;
    } else if (char === '"') {
      flush();
      readDoubleQuoted(state, parts);
    } else if (char === '\\') {
      const escaped = text[state.pos + 1];
      state.pos += 2;
      if (escaped === '\n') continue;
      flush();
      parts.push({ type: 'literal', text: escaped ?? '\\', quoted: true });
    } else if (char === '$') {
      flush();
      parts.push(readDollar(state, false));
    } else if (char === '`') {
      flush();
      parts.push(readBacktick(state, false));
    } else if (char === '~' && state.pos === start) {
      const after = text[state.pos + 1];
      if (after !== undefined && after !== '/' && !WORD_END.has(after)) uncertain(`tilde expansion \`~${readLiteralRun(text, state.pos + 1)}\` (another user's home or the directory stack) is not analysed`);
      parts.push({ type: 'tilde' });
      state.pos += 1;
    } else {
      literal += char;
      state.pos += 1;
    }
  }
  flush();
  return { parts, source: text.slice(start, state.pos) };
}

function readLiteralRun(text: string, from: number): string {
  let end = from;
  while (end < text.length && /[A-Za-z0-9_+-]/u.test(text[end] as string)) end += 1;
  return text.slice(from, end);
}

function readDoubleQuoted(state: LexerState, parts: WordPart[]): void {
  const { text } = state;
  const first = parts.length;
  state.pos += 1;
  let literal = '';
  const flush = () => {
    if (literal !== '') parts.push({ type: 'literal', text: literal, quoted: true });
    literal = '';
  };
  for (;;) {
    if (state.pos >= text.length) uncertain('a double quote is never closed');
    const char = text[state.pos] as string;
    if (char === '"') {
      state.pos += 1;
      flush();
      // `""` is still a word: an empty quoted literal keeps it.
      if (parts.length === first) parts.push({ type: 'literal', text: '', quoted: true });
      return;
    }
    if (char === '\\' && '$`"\\\n'.includes(text[state.pos + 1] ?? '')) {
      if (text[state.pos + 1] !== '\n') literal += text[state.pos + 1];
      state.pos += 2;
    } else if (char === '$') {
      flush();
      parts.push(readDollar(state, true));
    } else if (char === '`') {
      flush();
      parts.push(readBacktick(state, true));
    } else {
      literal += char;
      state.pos += 1;
    }
  }
}

/** Reads what follows a `$`: a variable, `${NAME}`, `$(…)`, `$((…))`, or a plain `$`. */
export function readDollar(state: LexerState, quoted: boolean): WordPart {
  const { text } = state;
  const next = text[state.pos + 1];
  if (next === '(' && text[state.pos + 2] === '(') return readArithmetic(state, quoted);
  if (next === '(') return readSubstitution(state, state.pos + 2, 'command', quoted);
  if (next === '{') {
    const end = text.indexOf('}', state.pos + 2);
    if (end === -1) uncertain('a `${` is never closed');
    const inner = text.slice(state.pos + 2, end);
    const name = NAME.exec(inner)?.[0] ?? SPECIAL_PARAMETER.exec(inner)?.[0];
    if (name !== inner || name === undefined) uncertain(`parameter expansion \`\${${inner}}\` is not analysed: only \`\${NAME}\` is`);
    state.pos = end + 1;
    return { type: 'variable', name, quoted };
  }
  // bash reads `$'…'` as C-style escapes and `$"…"` as a translation; sh reads both literally.
  if (!quoted && (next === "'" || next === '"')) uncertain(`\`$${next}…${next}\` quoting means different things in sh and bash`);
  const rest = text.slice(state.pos + 1);
  const name = NAME.exec(rest)?.[0] ?? SPECIAL_PARAMETER.exec(rest)?.[0];
  if (name === undefined) {
    state.pos += 1;
    return { type: 'literal', text: '$', quoted };
  }
  state.pos += 1 + name.length;
  return { type: 'variable', name, quoted };
}

function readArithmetic(state: LexerState, quoted: boolean): WordPart {
  const { text } = state;
  let depth = 0;
  for (let index = state.pos + 1; index < text.length; index += 1) {
    if (text[index] === '(') depth += 1;
    else if (text[index] === ')') depth -= 1;
    if (depth === 0) {
      const source = text.slice(state.pos, index + 1);
      const inner = text.slice(state.pos + 3, index - 1);
      if (!source.endsWith('))') || !ARITHMETIC.test(inner)) uncertain(`arithmetic expansion \`${source}\` holds names or commands, which the shell would evaluate`);
      state.pos = index + 1;
      return { type: 'arithmetic', source, quoted };
    }
  }
  return uncertain('a `$((` is never closed');
}

function readSubstitution(state: LexerState, bodyStart: number, kind: 'command' | 'process', quoted: boolean): WordPart {
  const start = state.pos;
  state.pos = bodyStart;
  state.lookahead = undefined;
  const script = state.parseNested(state);
  // The nested list stops in front of its `)`, which is left as the lookahead token.
  const close = state.lookahead as Token | undefined;
  if (close?.type !== 'op' || close.op !== ')') uncertain(`a \`${state.text.slice(start, bodyStart)}\` is never closed`);
  state.lookahead = undefined;
  return { type: 'substitution', kind, source: state.text.slice(start, state.pos), script, quoted };
}

export function readBacktick(state: LexerState, quoted: boolean): WordPart {
  const { text } = state;
  const start = state.pos;
  let inner = '';
  let index = start + 1;
  for (;;) {
    if (index >= text.length) uncertain('a backtick is never closed');
    const char = text[index] as string;
    if (char === '`') break;
    if (char === '\\' && '`\\$'.includes(text[index + 1] ?? '')) {
      inner += text[index + 1];
      index += 2;
    } else {
      inner += char;
      index += 1;
    }
  }
  state.pos = index + 1;
  return { type: 'substitution', kind: 'backtick', source: text.slice(start, state.pos), script: state.parseText(inner, state.depth + 1), quoted };
}

