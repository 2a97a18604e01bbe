import type { Label } from '../labels/label.js';
import type { Invocation } from './command-analysis.js';

const SUBCOMMAND = /^[A-Za-z0-9][A-Za-z0-9._+@-]{0,63}$/u;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/u;

/**
 * The operation labels of a command: `op:cmd`, then `op:cmd:<bin>` and `op:cmd:<bin>:<sub>` for every
 * invocation. The subcommand is mlld's: the first later word that is not a flag, an assignment or path-like;
 * it is left out when that word does not look like a subcommand (a code string, a URL). Characters a label
 * cannot hold (whitespace, `:`) are percent-encoded in the binary's name.
 *
 * @example
 * ```ts
 * commandLabels([{ bin: 'git', words: ['git', 'push', 'origin'], via: [], input: 'none', risks: [] }]);
 * // ['op:cmd', 'op:cmd:git', 'op:cmd:git:push']
 * ```
 */
export function commandLabels(invocations: readonly Invocation[]): Label[] {
  const labels = new Set<Label>(['op:cmd']);
  for (const invocation of invocations) {
    const bin = encodeSegment(invocation.bin);
    labels.add(`op:cmd:${bin}`);
    const sub = subcommandOf(invocation.words.slice(1));
    if (sub !== undefined) labels.add(`op:cmd:${bin}:${sub}`);
  }
  return [...labels];
}

/** The subcommand of an invocation's arguments, as mlld finds it. */
export function subcommandOf(args: readonly string[]): string | undefined {
  for (const arg of args) {
    if (arg.startsWith('-') || ASSIGNMENT.test(arg)) continue;
    if (arg.includes('/') || arg.startsWith('.') || arg.startsWith('~')) continue;
    return SUBCOMMAND.test(arg) ? arg : undefined;
  }
  return undefined;
}

function encodeSegment(text: string): string {
  return text.replace(/[\s:%]/gu, (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}
