import type { ShellWord } from './shell-word.js';

/** How one program reads its options. */
export interface OptionSpec {
  /** Options that take a value: short (`-u`) or long (`--user`). A long option also accepts `--user=x`. */
  readonly withValue?: readonly string[];
  /** Stop at the first operand (wrappers: everything after it is the wrapped command). Default true. */
  readonly stopAtOperand?: boolean;
}

/** One option as read: its name and value word (the word itself for a flag without one). */
export interface ParsedOption {
  readonly name: string;
  readonly value: ShellWord | undefined;
  /** The value when it was attached to the option (`-n10`, `--adjustment=10`). */
  readonly attached: string | undefined;
}

/** Options and the rest of the words: `rest` starts at the first operand (or after `--`). */
export interface SplitOptions {
  readonly options: readonly ParsedOption[];
  readonly rest: readonly ShellWord[];
}

/**
 * Splits a program's words into options and operands, getopt style: clustered short flags (`-xvf`), values
 * attached (`-n10`, `--user=x`) or in the next word, `--` ends options. A computed word is an operand: the
 * analysis cannot tell that it is an option.
 *
 * @example
 * ```ts
 * splitOptions(words('-n 10 rm -rf x'), { withValue: ['-n'] }).rest.map(wordText); // ['rm', '-rf', 'x']
 * ```
 */
export function splitOptions(words: readonly ShellWord[], { withValue = [], stopAtOperand = true }: OptionSpec = {}): SplitOptions {
  const valued = new Set(withValue);
  const options: ParsedOption[] = [];
  const operands: ShellWord[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] as ShellWord;
    const text = word.value;
    if (text === '--') {
      operands.push(...words.slice(index + 1));
      break;
    }
    if (text === undefined || !text.startsWith('-') || text === '-') {
      if (stopAtOperand) return { options, rest: [...operands, ...words.slice(index)] };
      operands.push(word);
      continue;
    }
    if (text.startsWith('--')) {
      const equals = text.indexOf('=');
      const name = equals === -1 ? text : text.slice(0, equals);
      if (equals !== -1) options.push({ name, value: word, attached: text.slice(equals + 1) });
      else if (valued.has(name)) options.push({ name, value: words[++index], attached: undefined });
      else options.push({ name, value: undefined, attached: undefined });
      continue;
    }
    // A cluster of short flags; the first that takes a value takes the rest of the word, or the next word.
    for (let char = 1; char < text.length; char += 1) {
      const name = `-${text[char]}`;
      if (!valued.has(name)) {
        options.push({ name, value: undefined, attached: undefined });
        continue;
      }
      const attached = text.slice(char + 1);
      options.push(attached === '' ? { name, value: words[++index], attached: undefined } : { name, value: word, attached });
      break;
    }
  }
  return { options, rest: operands };
}

/** The value of an option as text (`undefined` when absent or computed). */
export function optionValue(option: ParsedOption): string | undefined {
  return option.attached ?? option.value?.value;
}
