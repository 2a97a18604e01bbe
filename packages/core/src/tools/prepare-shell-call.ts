import { posix } from 'node:path';
import type { FileTaintStore } from '../files/file-taint-store.js';
import type { Label } from '../labels/label.js';
import type { ToolMetadata } from '../policy/policy-schema.js';
import type { Session } from '../session/create-session.js';
import { analyzeCommand } from '../shell/analyze-command.js';
import { commandPaths } from '../shell/command-paths.js';
import { commandVariants } from '../shell/command-variants.js';
import { describeCommand } from '../shell/describe-command.js';
import type { PreparedCall } from './labelflow-tool.js';
import { refusedCall } from './refused-call.js';
import { SHELL_APPROVAL_LABEL } from './shell-approval.js';

/** What the shell tool checked about a call, and what `execute` needs to run it. */
export interface ShellFacts {
  readonly command: string;
  /** The program and its words, when the command can run without a shell. */
  readonly argv: readonly string[] | undefined;
  /** Files the command may write: afterwards they carry the call's labels and `outputLabels`. */
  readonly writes: readonly string[];
  /** What the command's output is labelled with (network output, files it reads): what it writes may hold it too. */
  readonly outputLabels: readonly Label[];
}

/** The shell tool's settings that preparing a call needs. */
export interface ShellSettings {
  readonly cwd: string;
  readonly homeDir: string;
  readonly env: Readonly<Record<string, string>>;
  readonly taint: FileTaintStore;
  readonly needsApproval: (commands: readonly (readonly string[])[]) => boolean;
}

// A host that does not normalise: it never matches a network allow-list and always matches a deny-list.
const UNKNOWN_HOST = '(unknown-host)';
const RISK_LABELS: Readonly<Record<string, Label>> = { network: 'exfil', destructive: 'destructive', privileged: 'privileged' };
const UNTRUSTED_TAINT = ['untrusted', 'influenced'];

/**
 * Prepares one shell call: analyses the command (refusing it when uncertain), finds the files and hosts it
 * touches, refuses to run a file that was written from untrusted data, and builds the call's labels
 * (`op:cmd:<bin>:<sub>` for every program, `exfil` / `destructive` / `privileged`, `op:cmd:approval`) and
 * output labels (`untrusted` for network output, the recorded labels of every file it reads).
 */
export function prepareShellCall(command: string, { cwd, homeDir, env, taint, needsApproval }: ShellSettings, session: Session): PreparedCall<ShellFacts> {
  const base: ToolMetadata = { labels: ['op:cmd'], controlArgs: ['command'] };
  const analysis = analyzeCommand(command, { env: { ...env, PWD: cwd } });
  if (analysis.type === 'uncertain') return refusedCall({ reason: `uncertain command: ${analysis.reason}`, metadata: base });
  const found = commandPaths(analysis, { cwd, homeDir });
  if (found.type === 'uncertain') return refusedCall({ reason: `uncertain command: ${found.reason}`, metadata: base });
  const ran = commandPaths({ ...analysis, files: [] }, { cwd, homeDir });
  for (const { path } of ran.type === 'paths' ? ran.paths : []) {
    const labels = taint.labelsOf(session, path);
    if (labels.some((label) => UNTRUSTED_TAINT.includes(label))) {
      return refusedCall({ reason: `the command runs \`${path}\`, which was written from untrusted data (${labels.join(', ')})`, metadata: base });
    }
  }
  const commands = analysis.invocations.flatMap((invocation) => commandVariants(invocation, { homeDir }));
  const risks = analysis.risks.map((risk) => RISK_LABELS[risk] as Label);
  const approval = needsApproval(commands) ? [SHELL_APPROVAL_LABEL] : [];
  const read = found.paths.filter((path) => path.mode === 'r').flatMap((path) => taint.labelsOf(session, path.path));
  const outputLabels = [...new Set([...(analysis.risks.includes('network') ? ['untrusted'] : []), ...read])];
  const hosts = analysis.destinations.map((destination) => destination.host ?? UNKNOWN_HOST);
  const simple = analysis.simple && analysis.invocations[0] !== undefined;
  return Object.freeze({
    metadata: { labels: [...new Set([...analysis.labels, ...risks, ...approval])], controlArgs: ['command'], output: { labels: outputLabels } },
    operation: { commands, paths: found.paths, ...(hosts.length === 0 ? {} : { hosts }) },
    summary: describeCommand(analysis, found.paths),
    facts: {
      command,
      argv: simple ? analysis.words.map((word) => word.value as string) : undefined,
      writes: [...new Set(found.paths.filter((path) => path.mode === 'w').map((path) => posix.normalize(path.path)))],
      outputLabels,
    },
  });
}
