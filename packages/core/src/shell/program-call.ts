import type { Collector, InvocationContext } from './analysis-collector.js';
import type { CommandRisk } from './command-analysis.js';
import type { ShellWord } from './shell-word.js';

/** One program being resolved, with the helpers its handler uses. */
export interface ProgramCall {
  readonly bin: string;
  /** The program as written (`/usr/bin/git`). */
  readonly name: string;
  readonly args: readonly ShellWord[];
  readonly context: InvocationContext;
  readonly collector: Collector;
  /** Resolves a command the program runs (a wrapped command, `xargs`' command, `find -exec`'s command). */
  readonly resolve: (words: readonly ShellWord[], context: InvocationContext) => void;
  /** Records this invocation; `words` default to the program and its arguments as written. */
  readonly record: (words?: readonly string[], risks?: readonly CommandRisk[]) => void;
  /** Registers words the program may treat as files (default: all its arguments, in its default mode). */
  readonly files: (words?: readonly ShellWord[], mode?: 'r' | 'w' | 'rw') => void;
}

/** A handler for a program the analysis knows more about than "it takes files". */
export type ProgramHandler = (call: ProgramCall) => void;

/** The context of a command run by `call`'s program: one wrapper deeper, with `input`. */
export function innerContext(call: ProgramCall, via: string, input = call.context.input): InvocationContext {
  return { ...call.context, input, scope: { ...call.context.scope, via: [...call.context.scope.via, via] } };
}

/** The static text of a word a program runs as a command string, or an uncertainty naming `what`. */
export function commandString(word: ShellWord | undefined, what: string): string | { readonly missing: string } {
  if (word === undefined) return { missing: `\`${what}\` has no command string` };
  if (word.value === undefined) return { missing: `\`${what}\` runs a command string computed at run time` };
  return word.value;
}
