import { expandBraces, type MaskedText } from './expand-braces.js';
import type { Word, WordPart } from './shell-syntax.js';
import { uncertain } from './uncertain-syntax.js';
import type { VariableTable } from './variable-table.js';

/** A word as the shell will pass it on, as far as the analysis can tell before it runs. */
export interface ShellWord {
  /** The word as written. */
  readonly source: string;
  /** Quotes removed, known variables substituted; `undefined` when part of it is computed at run time. */
  readonly value: string | undefined;
  /** The word as an escaped glob when it has unquoted `*`, `?` or `[…]`: the shell expands it against files. */
  readonly glob: string | undefined;
  /** True when it starts with an unquoted `~`: the value's leading `~` is the home directory. */
  readonly home: boolean;
}

const SPLITS = /[\s*?[]/u;
const GLOB_SPECIAL = /[*?[\]{}()!+@\\]/u;

/** The word's value, or its source when it is computed at run time: how words are shown and matched. */
export function wordText(word: ShellWord): string {
  return word.value ?? word.source;
}

/**
 * Evaluates a word the way the shell will: quotes removed, known variables substituted, braces expanded
 * (so one word may become several). A variable the analysis cannot know, a substitution or arithmetic makes
 * the word computed (`value: undefined`). Reading `$IFS` is denied: it changes how every word splits.
 *
 * @example
 * ```ts
 * evaluateWord(parseWord('"$HOME"/a{1,2}'), { value: () => '/home/u' }).map((word) => word.value); // ['/home/u/a1', '/home/u/a2']
 * ```
 */
export function evaluateWord(word: Word, variables: VariableTable): ShellWord[] {
  let text = '';
  let mask = '';
  let computed = false;
  const home = word.parts[0]?.type === 'tilde';
  for (const part of word.parts) {
    const value = partValue(part, variables);
    if (value === undefined) computed = true;
    else {
      text += value;
      mask += (part.type === 'literal' && !part.quoted ? 'u' : 'q').repeat(value.length);
    }
  }
  if (computed) {
    const raw = word.parts.map((part) => (part.type === 'literal' && !part.quoted ? part.text : '\u0000')).join('');
    // Index arithmetic rather than a regular expression: a backtracking pattern would be quadratic here.
    const inner = raw.slice(raw.indexOf('{') + 1, raw.lastIndexOf('}'));
    const braces = raw.includes('{') && raw.lastIndexOf('}') > raw.indexOf('{') && (inner.includes(',') || inner.includes('..'));
    if (braces) uncertain(`brace expansion around a computed value in \`${word.source}\` is not analysed`);
    return [{ source: word.source, value: undefined, glob: undefined, home }];
  }
  return expandBraces({ text, mask }).map((expanded) => ({ source: word.source, value: expanded.text, glob: globOf(expanded), home }));
}

function partValue(part: WordPart, variables: VariableTable): string | undefined {
  if (part.type === 'literal') return part.text;
  if (part.type === 'tilde') return '~';
  if (part.type === 'arithmetic') return undefined;
  if (part.type === 'variable') {
    if (part.name === 'IFS') uncertain('`$IFS` is read: it changes how the shell splits words');
    const value = variables.value(part.name);
    // Unquoted, a value with spaces or glob characters is split and expanded again: not one known word.
    return value !== undefined && (part.quoted || !SPLITS.test(value)) ? value : undefined;
  }
  // The shell passes a process substitution as the path of a pipe; what runs inside it is analysed on its own.
  if (part.kind === 'process') return '/dev/fd/63';
  const value = staticSubstitution(part);
  return value !== undefined && (part.quoted || !SPLITS.test(value)) ? value : undefined;
}

// `$(cat <<'EOF' … EOF)` prints a literal text (agents write commit messages this way): its value is known.
function staticSubstitution(part: Extract<WordPart, { type: 'substitution' }>): string | undefined {
  if (part.kind === 'process' || part.script.pipelines.length !== 1) return undefined;
  const [command] = part.script.pipelines[0]?.commands ?? [];
  if (command?.type !== 'simple' || command.assignments.length > 0 || command.words.length !== 1 || command.redirects.length !== 1) return undefined;
  const [word] = command.words;
  const [redirect] = command.redirects;
  const [bodyPart, ...more] = redirect?.heredoc?.body.parts ?? [];
  if (word?.source !== 'cat' || redirect?.heredoc?.quoted !== true || bodyPart?.type !== 'literal' || more.length > 0) return undefined;
  return bodyPart.text.replace(/\n+$/u, '');
}

function globOf({ text, mask }: MaskedText): string | undefined {
  let glob = '';
  let active = false;
  let lastClose = -1;
  for (let index = 0; index < text.length; index += 1) if (text[index] === ']' && mask[index] === 'u') lastClose = index;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    const unquoted = mask[index] === 'u';
    // `[` starts a class only when an unquoted `]` follows it somewhere in the word.
    const opensClass = char === '[' && unquoted && lastClose > index;
    if (unquoted && (char === '*' || char === '?' || opensClass || (char === ']' && active))) {
      active ||= char !== ']';
      glob += char;
    } else glob += GLOB_SPECIAL.test(char) ? `\\${char}` : char;
  }
  return active ? glob : undefined;
}
