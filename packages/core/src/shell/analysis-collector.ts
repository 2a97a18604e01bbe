import type { FileArgument, Invocation, InvocationInput, NetworkDestination, RedirectRecord } from './command-analysis.js';
import type { ShellWord } from './shell-word.js';
import type { VariableTable } from './variable-table.js';

/** The environment the command will run with, as far as the analysis is told. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Where in the command the analysis is: its variables, its nesting depth and the wrappers around it. */
export interface Scope {
  readonly variables: VariableTable;
  readonly depth: number;
  readonly via: readonly string[];
}

/** What an invocation is resolved with: its scope and where its input comes from. */
export interface InvocationContext {
  readonly scope: Scope;
  readonly input: InvocationInput;
  /** The here-document or here-string fed to it, when there is one. */
  readonly stdinBody?: ShellWord | undefined;
  /** The file redirected to its input (`sh < script.sh`). */
  readonly stdinFile?: ShellWord | undefined;
}

/** Everything the analysis gathers while it walks one command text (and the texts nested in it). */
export interface Collector {
  readonly env: Environment;
  readonly words: ShellWord[];
  readonly operators: string[];
  readonly substitutions: { kind: 'command' | 'backtick' | 'process'; source: string }[];
  readonly assignments: { name: string; value: ShellWord }[];
  readonly redirects: RedirectRecord[];
  readonly invocations: Invocation[];
  readonly destinations: NetworkDestination[];
  readonly directories: ShellWord[];
  readonly executes: ShellWord[];
  readonly files: FileArgument[];
  /** Analyses a command string that another program runs (`sh -c`, `watch`, `rsync -e`), one level deeper. */
  readonly nested: (text: string, context: InvocationContext, via: string) => void;
}

/** A collector with empty lists. `nested` is filled in by `analyzeCommand`. */
export function createCollector(env: Environment, nested: Collector['nested']): Collector {
  return {
    env,
    words: [],
    operators: [],
    substitutions: [],
    assignments: [],
    redirects: [],
    invocations: [],
    destinations: [],
    directories: [],
    executes: [],
    files: [],
    nested,
  };
}
