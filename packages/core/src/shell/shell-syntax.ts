/**
 * The syntax tree `parseShell` builds: just enough of POSIX `sh` to know every program a command runs, the
 * words each receives and the files its redirections touch. Control-flow keywords (`if`, `while`, `{ … }`) are
 * flattened away: every command inside them may run, so each is analysed as if it did.
 */

/** One piece of a word: quoted or unquoted text, `~`, a variable, or a substitution that runs a command. */
export type WordPart =
  | { readonly type: 'literal'; readonly text: string; readonly quoted: boolean }
  /** An unquoted `~` at the start of a word (or of an assignment value), followed by `/` or nothing. */
  | { readonly type: 'tilde' }
  | { readonly type: 'variable'; readonly name: string; readonly quoted: boolean }
  | {
      readonly type: 'substitution';
      /** `$(…)`, `` `…` `` or `<(…)` / `>(…)`. */
      readonly kind: 'command' | 'backtick' | 'process';
      readonly source: string;
      readonly script: Script;
      readonly quoted: boolean;
    }
  /** `$((…))` holding only digits and operators: it computes a number and runs nothing. */
  | { readonly type: 'arithmetic'; readonly source: string; readonly quoted: boolean };

/** A shell word as written (`source`) and as the shell reads it (`parts`). */
export interface Word {
  readonly parts: readonly WordPart[];
  readonly source: string;
}

/** Redirection operators, including here-documents (`<<`, `<<-`) and here-strings (`<<<`). */
export type RedirectOperator = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

/** One redirection. For a here-document, `target` is the delimiter and `heredoc` the body. */
export interface Redirect {
  readonly op: RedirectOperator;
  readonly fd: number | undefined;
  readonly target: Word;
  readonly heredoc?: { readonly body: Word; readonly quoted: boolean } | undefined;
}

/** `NAME=value` before a command (or alone); `append` for bash's `NAME+=value`. */
export interface Assignment {
  readonly name: string;
  readonly value: Word;
  readonly append: boolean;
}

/** A command of a pipeline. `loop` is the header of `for NAME in …`: it assigns NAME from its items. */
export type Command =
  | { readonly type: 'simple'; readonly assignments: readonly Assignment[]; readonly words: readonly Word[]; readonly redirects: readonly Redirect[] }
  | { readonly type: 'subshell'; readonly body: Script; readonly redirects: readonly Redirect[] }
  | { readonly type: 'loop'; readonly variable: string; readonly items: readonly Word[] | undefined };

/** Commands joined by `|` or `|&`. */
export interface Pipeline {
  readonly commands: readonly Command[];
  readonly operators: readonly ('|' | '|&')[];
}

/** Operators between pipelines. */
export type ListOperator = '&&' | '||' | ';' | '&' | '\n';

/** A list of pipelines: a whole command text, a `( … )` body or the inside of a substitution. */
export interface Script {
  readonly pipelines: readonly Pipeline[];
  readonly operators: readonly ListOperator[];
}
