import { homedir } from 'node:os';
import { z } from 'zod';
import { callTaint, defaultFileTaintStore, type FileTaintStore } from '../files/file-taint-store.js';
import { getSession } from '../session/get-session.js';
import { analyzeCommand } from '../shell/analyze-command.js';
import type { LabelflowTool } from './labelflow-tool.js';
import { prepareShellCall, type ShellFacts } from './prepare-shell-call.js';
import { refusedCall, requirePrepared } from './refused-call.js';
import { runProcess, type ProcessResult } from './run-process.js';
import { compileApproval, DEFAULT_SHELL_APPROVAL } from './shell-approval.js';
import { defaultShellEnvironment } from './shell-environment.js';
import { ToolRefusedError } from './tool-refused-error.js';

/** Options of `shellTool`. */
export interface ShellToolOptions {
  /** Tool name (default `shell`). */
  readonly name?: string;
  readonly description?: string;
  /** Working directory of every command (default `process.cwd()`). */
  readonly cwd?: string;
  /** Milliseconds before the command's process group is killed (default 30,000). */
  readonly timeoutMs?: number;
  /** Bytes kept of stdout and of stderr each (default 65,536). */
  readonly maxOutputBytes?: number;
  /** The whole environment of every command (default `defaultShellEnvironment()`: no credentials). */
  readonly env?: Readonly<Record<string, string>>;
  /** What `~` means in paths (default the environment's `HOME`). */
  readonly homeDir?: string;
  /** Command patterns whose calls are labelled `op:cmd:approval` (default `DEFAULT_SHELL_APPROVAL`). */
  readonly requireApproval?: readonly string[];
  /** The shell for commands that need one (default `/bin/sh`). */
  readonly shell?: string;
  readonly taint?: FileTaintStore;
}

/** What a command left. */
export type ShellResult = ProcessResult;

const DESCRIPTION =
  'Run a shell command in the project directory and return its exit code, stdout and stderr. Commands are analysed before they run; commands that cannot be analysed with certainty (eval, computed command names, programs piped into a shell) are refused.';

/**
 * A shell tool for agents. Each command is analysed first (`analyzeCommand`): every program it runs, the files
 * it touches and the hosts it reaches go to the session as the call's operation, so capability patterns, the
 * built-in danger list, `no-influenced-exec` and approvals all apply. A command that cannot be analysed with
 * certainty is refused. A single program with literal words is spawned directly; anything else runs under
 * `/bin/sh -c` with exactly the text that was analysed. Commands get a minimal environment, a timeout that kills
 * their whole process group, and capped output.
 *
 * Calls matching `requireApproval` are labelled `op:cmd:approval`: put `requireApproval: ['op:cmd:approval']`
 * in the policy to send them through the session's approval flow.
 *
 * @param options.cwd working directory (default `process.cwd()`)
 * @param options.timeoutMs kill after this many milliseconds (default 30,000)
 * @param options.maxOutputBytes output kept per stream (default 65,536)
 * @param options.env the commands' whole environment (default: `PATH`, `HOME`, locale, user, `TMPDIR`)
 * @param options.requireApproval command patterns that need approval (default: network and destructive binaries)
 * @example
 * ```ts
 * const shell = shellTool({ cwd: '/work/app' });
 * const session = createSession({ policy: { requireApproval: ['op:cmd:approval'] }, onApproval: askUser });
 * session.registerUserMessage('run git status');
 * await runTool({ session, tool: shell, toolCallId: 'call_1', args: { command: 'git status' } });
 * ```
 */
export function shellTool({
  name = 'shell',
  description = DESCRIPTION,
  cwd = process.cwd(),
  timeoutMs = 30_000,
  maxOutputBytes = 65_536,
  env = defaultShellEnvironment(),
  homeDir = env['HOME'] ?? homedir(),
  requireApproval = DEFAULT_SHELL_APPROVAL,
  shell = '/bin/sh',
  taint = defaultFileTaintStore,
}: ShellToolOptions = {}): LabelflowTool<{ command: string }, ShellResult, ShellFacts> {
  const inputSchema = z.strictObject({ command: z.string().min(1).describe('The shell command to run') });
  const settings = { cwd, homeDir, env, taint, needsApproval: compileApproval(requireApproval) };
  const tool: LabelflowTool<{ command: string }, ShellResult, ShellFacts> = {
    name,
    description,
    inputSchema,
    metadata: { labels: ['op:cmd'], controlArgs: ['command'] },
    prepare(args, { session }) {
      const parsed = inputSchema.safeParse(args);
      if (!parsed.success) return refusedCall<ShellFacts>({ reason: 'the arguments do not match the tool: expected `{ command: string }`', metadata: { labels: ['op:cmd'], controlArgs: ['command'] } });
      return prepareShellCall(parsed.data.command, settings, session);
    },
    async execute(args, { toolCallId, prepared }) {
      const facts = requirePrepared(name, prepared);
      const session = getSession();
      // The session hands `execute` the arguments after guard transforms and secret handles: run only the text checked.
      if (args['command'] !== facts.command) throw new ToolRefusedError({ tool: name, reason: 'the command changed after it was checked (a guard transform or a resolved secret handle)' });
      if (analyzeCommand(facts.command, { env: { ...env, PWD: cwd } }).type !== 'parsed') throw new ToolRefusedError({ tool: name, reason: 'the command cannot be analysed with certainty' });
      const [file, ...rest] = facts.argv ?? [shell, '-c', facts.command];
      const result = await runProcess({ file: file as string, args: rest, cwd, env, timeoutMs, maxOutputBytes });
      // What the command wrote may hold its input (the command text's labels) and what it read or downloaded.
      const labels = [...callTaint(session, toolCallId), ...facts.outputLabels];
      for (const path of facts.writes) taint.record(session, path, labels, 'join');
      return result;
    },
  };
  return Object.freeze(tool);
}
