import { addHeredoc, nextToken, peekToken, REDIRECT_OPERATORS, type LexerState, type Token } from './shell-lexer.js';
import { assignmentOf } from './assignment-of.js';
import type { Assignment, Command, ListOperator, Pipeline, Redirect, RedirectOperator, Script, Word } from './shell-syntax.js';
import { uncertain } from './uncertain-syntax.js';

/** Substitutions and `sh -c` strings nest; past this depth a command is too deep to read with certainty. */
export const MAX_NESTING = 8;

const LIST_OPERATORS = new Set(['&&', '||', ';', '&']);
// Keywords that only shape control flow: every command between them may run, so they are skipped.
const FLATTENED = new Set(['if', 'then', 'elif', 'else', 'fi', 'while', 'until', 'do', 'done', '{', '}']);
const UNSUPPORTED: Readonly<Record<string, string>> = {
  case: '`case` statements are not analysed',
  esac: '`case` statements are not analysed',
  select: '`select` loops are not analysed',
  function: 'function definitions are not analysed',
  coproc: '`coproc` is not analysed',
  '[[': '`[[ … ]]` tests are not analysed: bash evaluates their operands as arithmetic, which can run commands',
  ']]': '`[[ … ]]` tests are not analysed',
  in: '`in` appears outside a `for` loop',
};
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/u;

/**
 * Parses a command text into a `Script`, or throws `UncertainSyntax` when any part of it cannot be read with
 * certainty (unterminated quotes, unsupported constructs, syntax errors).
 *
 * @example
 * ```ts
 * parseShell('git status && ls -la').pipelines.length; // 2
 * ```
 */
export function parseShell(text: string, depth = 0): Script {
  if (depth > MAX_NESTING) uncertain(`commands are nested more than ${MAX_NESTING} levels deep`);
  const state: LexerState = { text, pos: 0, lookahead: undefined, heredocs: [], depth, parseNested, parseText: parseShell };
  const script = parseList(state, false);
  const end = peekToken(state);
  if (end.type !== 'eof') uncertain(`unexpected \`${describe(end)}\``);
  if (state.heredocs.length > 0) uncertain(`a here-document (\`<<${state.heredocs[0]?.delimiter ?? ''}\`) has no body`);
  return script;
}

function parseNested(state: LexerState): Script {
  if (state.depth >= MAX_NESTING) uncertain(`commands are nested more than ${MAX_NESTING} levels deep`);
  // The substitution reads the same text (and the same pending here-documents) one level deeper.
  const inner: LexerState = { ...state, depth: state.depth + 1, lookahead: undefined };
  const script = parseList(inner, true);
  state.pos = inner.pos;
  state.lookahead = inner.lookahead;
  return script;
}

function parseList(lexer: LexerState, nested: boolean): Script {
  const pipelines: Pipeline[] = [];
  const operators: ListOperator[] = [];
  for (;;) {
    const token = peekToken(lexer);
    if (token.type === 'newline') {
      nextToken(lexer);
      if (pipelines.length > operators.length) operators.push('\n');
      continue;
    }
    if (token.type === 'eof') break;
    if (token.type === 'op' && token.op === ')') {
      if (nested) break;
      uncertain('a `)` has no matching `(`');
    }
    if (pipelines.length > operators.length) uncertain(`unexpected \`${describe(token)}\``);
    pipelines.push(parsePipeline(lexer));
    const after = peekToken(lexer);
    if (after.type === 'op' && LIST_OPERATORS.has(after.op)) {
      nextToken(lexer);
      operators.push(after.op as ListOperator);
      if (after.op === '&&' || after.op === '||') requireCommand(lexer, after.op);
    } else if (after.type === 'op' && after.op !== ')') {
      uncertain(after.op.startsWith(';') ? '`case` statements are not analysed' : `unexpected \`${after.op}\``);
    }
  }
  return { pipelines, operators };
}

function requireCommand(lexer: LexerState, after: string): void {
  while (peekToken(lexer).type === 'newline') nextToken(lexer);
  const next = peekToken(lexer);
  if (next.type === 'eof' || (next.type === 'op' && !REDIRECT_OPERATORS.has(next.op) && next.op !== '(')) uncertain(`\`${after}\` is not followed by a command`);
}

function parsePipeline(lexer: LexerState): Pipeline {
  if (keywordOf(peekToken(lexer)) === '!') nextToken(lexer);
  const commands: Command[] = [parseCommand(lexer)];
  const operators: ('|' | '|&')[] = [];
  for (;;) {
    const token = peekToken(lexer);
    if (token.type !== 'op' || (token.op !== '|' && token.op !== '|&')) break;
    nextToken(lexer);
    operators.push(token.op);
    requireCommand(lexer, token.op);
    commands.push(parseCommand(lexer));
  }
  return { commands, operators };
}

function parseCommand(lexer: LexerState): Command {
  const token = peekToken(lexer);
  if (token.type === 'op' && token.op === '(') {
    nextToken(lexer);
    if (peekToken(lexer).type === 'op' && (peekToken(lexer) as { op: string }).op === '(') uncertain('arithmetic commands `(( … ))` are not analysed');
    const body = parseList(lexer, true);
    const close = nextToken(lexer);
    if (close.type !== 'op' || close.op !== ')') uncertain('a `(` is never closed');
    return { type: 'subshell', body, redirects: parseRedirects(lexer) };
  }
  const keyword = keywordOf(token);
  if (keyword !== undefined && FLATTENED.has(keyword)) {
    nextToken(lexer);
    const next = peekToken(lexer);
    if (next.type === 'word' || (next.type === 'op' && next.op === '(')) return parseCommand(lexer);
    return { type: 'simple', assignments: [], words: [], redirects: parseRedirects(lexer) };
  }
  if (keyword === 'for') return parseFor(lexer);
  if (keyword !== undefined && Object.hasOwn(UNSUPPORTED, keyword)) uncertain(UNSUPPORTED[keyword] as string);
  if (token.type === 'op' && !REDIRECT_OPERATORS.has(token.op)) uncertain(`unexpected \`${token.op}\``);
  return parseSimple(lexer);
}

function parseFor(lexer: LexerState): Command {
  nextToken(lexer);
  const name = nextToken(lexer);
  const variable = name.type === 'word' ? staticText(name.word) : undefined;
  if (variable === undefined || !NAME.test(variable)) uncertain(name.type === 'op' && name.op === '(' ? 'arithmetic `for ((…))` loops are not analysed' : 'a `for` loop has no variable name');
  while (peekToken(lexer).type === 'newline') nextToken(lexer);
  if (keywordOf(peekToken(lexer)) !== 'in') return { type: 'loop', variable, items: undefined };
  nextToken(lexer);
  const items: Word[] = [];
  for (let token = peekToken(lexer); token.type === 'word'; token = peekToken(lexer)) {
    items.push(token.word);
    nextToken(lexer);
  }
  return { type: 'loop', variable, items };
}

function parseSimple(lexer: LexerState): Command {
  const assignments: Assignment[] = [];
  const words: Word[] = [];
  const redirects: Redirect[] = [];
  for (;;) {
    const token = peekToken(lexer);
    if (token.type === 'word') {
      nextToken(lexer);
      const assignment = words.length === 0 ? assignmentOf(token.word) : undefined;
      if (assignment !== undefined) {
        assignments.push(assignment);
        if (assignment.value.parts.length === 0 && isOp(peekToken(lexer), '(')) uncertain(`array assignment \`${assignment.name}=(…)\` is not analysed`);
        continue;
      }
      words.push(token.word);
      if (words.length === 1 && isOp(peekToken(lexer), '(')) {
        uncertain(`\`${token.word.source}()\` defines a shell function; function definitions (such as the fork bomb \`:(){ :|:& };:\`) are not analysed`);
      }
    } else if (token.type === 'op' && REDIRECT_OPERATORS.has(token.op)) {
      redirects.push(parseRedirect(lexer));
    } else break;
  }
  return { type: 'simple', assignments, words, redirects };
}

function parseRedirects(lexer: LexerState): Redirect[] {
  const redirects: Redirect[] = [];
  for (let token = peekToken(lexer); token.type === 'op' && REDIRECT_OPERATORS.has(token.op); token = peekToken(lexer)) redirects.push(parseRedirect(lexer));
  return redirects;
}

function parseRedirect(lexer: LexerState): Redirect {
  const token = nextToken(lexer) as Extract<Token, { type: 'op' }>;
  const op = token.op as RedirectOperator;
  const target = nextToken(lexer);
  if (target.type !== 'word') uncertain(`redirection \`${op}\` has no target`);
  if (op !== '<<' && op !== '<<-') return { op, fd: token.fd, target: target.word };
  const delimiter = staticText(target.word);
  if (delimiter === undefined) uncertain(`here-document delimiter \`${target.word.source}\` contains an expansion`);
  const quoted = target.word.parts.some((part) => part.type === 'literal' && part.quoted);
  const redirect: { op: RedirectOperator; fd: number | undefined; target: Word; heredoc?: Redirect['heredoc'] } = { op, fd: token.fd, target: target.word };
  addHeredoc(lexer, { delimiter, quoted, stripTabs: op === '<<-', fill: (body) => (redirect.heredoc = { body, quoted }) });
  return redirect;
}

/** The text of a word made only of literal parts, or `undefined`. */
export function staticText(word: Word): string | undefined {
  let text = '';
  for (const part of word.parts) {
    if (part.type !== 'literal') return undefined;
    text += part.text;
  }
  return text;
}

function keywordOf(token: Token): string | undefined {
  if (token.type !== 'word' || token.word.parts.length !== 1) return undefined;
  const [part] = token.word.parts;
  return part?.type === 'literal' && !part.quoted ? part.text : undefined;
}

function isOp(token: Token, op: string): boolean {
  return token.type === 'op' && token.op === op;
}

function describe(token: Token): string {
  if (token.type === 'op') return token.op;
  if (token.type === 'word') return token.word.source;
  return token.type === 'newline' ? 'newline' : 'end of text';
}
