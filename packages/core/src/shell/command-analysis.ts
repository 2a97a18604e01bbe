import type { Label } from '../labels/label.js';
import type { ShellWord } from './shell-word.js';

/** A risk category a binary brings to the call. */
export type CommandRisk = 'network' | 'destructive' | 'privileged';

/** Where an invocation's input comes from: `arguments` means `xargs` or `find -exec` add arguments at run time. */
export type InvocationInput = 'none' | 'pipe' | 'file' | 'here-document' | 'arguments';

/** One program the command runs, found anywhere: in a pipeline, a substitution, behind a wrapper, inside `sh -c`. */
export interface Invocation {
  /** Lower-cased basename of the program: what `cmd:` patterns and `op:cmd:<bin>` labels use. */
  readonly bin: string;
  /** The words capability patterns match: the program as written, then its arguments (git global options dropped). */
  readonly words: readonly string[];
  /** The wrappers and shells it was found behind, outermost first, e.g. `['sudo', 'sh -c']`. */
  readonly via: readonly string[];
  readonly input: InvocationInput;
  readonly risks: readonly CommandRisk[];
}

/** A redirection with the file it touches (`dup` for `2>&1`-style descriptor copies, `data` for here-documents). */
export interface RedirectRecord {
  readonly op: string;
  readonly fd: number | undefined;
  readonly target: ShellWord;
  readonly mode: 'r' | 'w' | 'rw' | 'dup' | 'data';
}

/** A network destination of a network binary; `host` is `undefined` when it cannot be known before the call. */
export interface NetworkDestination {
  readonly bin: string;
  readonly host: string | undefined;
  /** The word it was read from. */
  readonly source: string;
}

/** A word a program may read (`r`) or read and write (`rw`), or only write (`w`: redirections, `-o` files). */
export interface FileArgument {
  readonly bin: string;
  readonly word: ShellWord;
  readonly mode: 'r' | 'w' | 'rw';
}

/**
 * What `analyzeCommand` found. `parsed`: every program, word, operator, substitution and redirection, with the
 * labels and destinations of the call. `uncertain`: some part cannot be read with certainty, and `reason` says
 * which; a tool must not run such a command.
 */
export type CommandAnalysis =
  | {
      readonly type: 'parsed';
      readonly text: string;
      /**
       * Every word of every command, after brace expansion, command by command: assignment values and redirection
       * targets first, then the command's words (a substitution's words just before the word holding it).
       */
      readonly words: readonly ShellWord[];
      /** List, pipe and redirection operators in order of appearance. */
      readonly operators: readonly string[];
      readonly substitutions: readonly { readonly kind: 'command' | 'backtick' | 'process'; readonly source: string }[];
      readonly assignments: readonly { readonly name: string; readonly value: ShellWord }[];
      readonly redirects: readonly RedirectRecord[];
      readonly invocations: readonly Invocation[];
      /** `op:cmd`, `op:cmd:<bin>`, `op:cmd:<bin>:<sub>` for every invocation. */
      readonly labels: readonly Label[];
      readonly destinations: readonly NetworkDestination[];
      /** Directories the command changes into (`cd`, `git -C`, `env -C`, `tar -C`, `make -C`). */
      readonly directories: readonly ShellWord[];
      /** Files run as programs: `./x.sh`, `sh x.sh`, `python x.py`. */
      readonly executes: readonly ShellWord[];
      /** Words that may name files, with what the program may do to them. */
      readonly files: readonly FileArgument[];
      /** Every risk of every invocation. */
      readonly risks: readonly CommandRisk[];
      /** True when the whole command is one program with literal words: it can run without a shell. */
      readonly simple: boolean;
    }
  | { readonly type: 'uncertain'; readonly text: string; readonly reason: string };

/** A parsed analysis. */
export type ParsedCommand = Extract<CommandAnalysis, { type: 'parsed' }>;
