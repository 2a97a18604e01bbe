import type { Command, Script, Word } from './shell-syntax.js';

/** What the analysis knows about a variable's value at any point of the command. */
export interface VariableTable {
  /** The value, when every way the variable can be set gives the same one; otherwise `undefined`. */
  value(name: string): string | undefined;
}

const UNKNOWN = Symbol('unknown');
type Values = Set<string> | typeof UNKNOWN;
const ASSIGNING_BUILTINS = new Set(['export', 'readonly', 'local', 'declare', 'typeset']);
const READING_BUILTINS = new Set(['read', 'mapfile', 'readarray', 'getopts']);
const ASSIGNMENT_WORD = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/u;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/u;

/**
 * Collects every way a command text sets its variables (assignments anywhere, `export`, `read`, `for`,
 * `unset`, `cd` for `PWD`), without regard to order or subshells: a variable is known only when all of them,
 * and the value it had before (from the environment, or empty), agree on one literal value. Anything computed
 * makes it unknown.
 *
 * @example
 * ```ts
 * collectVariables(parseShell('cat $HOME/notes'), { env: { HOME: '/home/u' } }).value('HOME'); // '/home/u'
 * collectVariables(parseShell('X=/tmp; cat $X'), { env: {} }).value('X');                     // undefined: '' before, '/tmp' after
 * ```
 */
export function collectVariables(
  script: Script,
  { env, parent }: { env: Readonly<Record<string, string | undefined>>; parent?: VariableTable },
): VariableTable {
  const found = new Map<string, Values>();
  const add = (name: string, value: string | undefined) => {
    const current = found.get(name);
    if (value === undefined || current === UNKNOWN) found.set(name, UNKNOWN);
    else found.set(name, new Set([...(current ?? []), value]));
  };
  visitScript(script, { add, env });
  return {
    value(name) {
      const own = found.get(name);
      if (own === UNKNOWN) return undefined;
      if (own === undefined) return parent === undefined ? env[name] : parent.value(name);
      // Before the text assigns it, the variable holds what it inherited (empty when unset): order is ignored.
      const before = parent === undefined ? (env[name] ?? '') : parent.value(name);
      if (before === undefined) return undefined;
      const values = new Set([...own, before]);
      return values.size === 1 ? before : undefined;
    },
  };
}

interface Visitor {
  readonly add: (name: string, value: string | undefined) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function visitScript(script: Script, visitor: Visitor): void {
  for (const pipeline of script.pipelines) for (const command of pipeline.commands) visitCommand(command, visitor);
}

function visitCommand(command: Command, visitor: Visitor): void {
  if (command.type === 'loop') {
    visitor.add(command.variable, undefined);
    for (const item of command.items ?? []) visitWord(item, visitor);
    return;
  }
  if (command.type === 'subshell') {
    visitScript(command.body, visitor);
    for (const redirect of command.redirects) visitWord(redirect.target, visitor);
    return;
  }
  for (const assignment of command.assignments) {
    visitWord(assignment.value, visitor);
    visitor.add(assignment.name, assignment.append ? undefined : literalValue(assignment.value, visitor.env));
  }
  for (const word of command.words) visitWord(word, visitor);
  for (const redirect of command.redirects) {
    visitWord(redirect.target, visitor);
    if (redirect.heredoc !== undefined) visitWord(redirect.heredoc.body, visitor);
  }
  const [first, ...rest] = command.words.map((word) => literalValue(word, visitor.env));
  if (first === 'cd' || first === 'pushd' || first === 'popd') visitor.add('PWD', undefined);
  if (first === 'unset') for (const name of rest) if (name !== undefined && NAME.test(name)) visitor.add(name, '');
  if (first !== undefined && ASSIGNING_BUILTINS.has(first)) {
    command.words.slice(1).forEach((word) => {
      const [part] = word.parts;
      const match = part?.type === 'literal' && !part.quoted ? ASSIGNMENT_WORD.exec(part.text) : null;
      if (match === null) return;
      const value = { parts: [{ ...part, text: (part as { text: string }).text.slice(match[0].length) }, ...word.parts.slice(1)], source: '' } as Word;
      visitor.add(match[1] as string, match[2] === '+' ? undefined : literalValue(value, visitor.env));
    });
  }
  // `read` and friends set variables from input: every plain name among their arguments becomes unknown.
  if (first !== undefined && READING_BUILTINS.has(first)) {
    for (const name of rest) if (name !== undefined && NAME.test(name)) visitor.add(name, undefined);
    for (const name of ['REPLY', 'MAPFILE', 'OPTARG', 'OPTIND']) visitor.add(name, undefined);
  }
}

function visitWord(word: Word, visitor: Visitor): void {
  for (const part of word.parts) if (part.type === 'substitution') visitScript(part.script, visitor);
}

/** The value of a word made of literals and a leading `~` (expanded with `HOME`), or `undefined`. */
function literalValue(word: Word, env: Readonly<Record<string, string | undefined>>): string | undefined {
  let value = '';
  for (const part of word.parts) {
    if (part.type === 'literal') value += part.text;
    else if (part.type === 'tilde' && env['HOME'] !== undefined) value += env['HOME'];
    else return undefined;
  }
  return value;
}
