import {
  fileTools as coreFileTools,
  shellTool as coreShellTool,
  ToolRefusedError,
  type AnyLabelflowTool,
  type FileToolsOptions,
  type ListFilesResult,
  type ReadFileResult,
  type ShellResult,
  type ShellToolOptions,
  type WriteFileResult,
} from '@labelflow/core';
import { tool, type Tool } from 'ai';

/** The file tools as AI SDK tools, keyed by tool name (spread them into a tool set). */
export type FileToolSet = {
  readonly read_file: Tool<{ path: string }, ReadFileResult>;
  readonly write_file: Tool<{ path: string; content: string }, WriteFileResult>;
  readonly list_files: Tool<{ path?: string | undefined }, ListFilesResult>;
};

// The ready-made tool behind each SDK tool, for `lf.tools()` and `lf.toolApproval`: they prepare its calls.
const READY_MADE = new WeakMap<object, AnyLabelflowTool>();

/** The ready-made tool an SDK tool stands for (the one `shellTool` / `fileTools` made, or its `lf.tools()` copy). */
export function readyMadeToolOf(sdkTool: unknown): AnyLabelflowTool | undefined {
  return sdkTool !== null && typeof sdkTool === 'object' ? READY_MADE.get(sdkTool) : undefined;
}

/** Records that `copy` (a wrapped SDK tool) stands for the same ready-made tool. */
export function markReadyMade(copy: object, readyMade: AnyLabelflowTool): void {
  READY_MADE.set(copy, readyMade);
}

function refuseUnprepared(name: string): never {
  // Fail closed: only `lf.tools()` prepares a call, and an unprepared call was never checked.
  throw new ToolRefusedError({ tool: name, reason: 'the call did not go through labelflow: pass the tool through `lf.tools()`' });
}

function register<T extends object>(readyMade: AnyLabelflowTool, sdkTool: T): T {
  READY_MADE.set(sdkTool, readyMade);
  return sdkTool;
}

/**
 * The ready-made `shell` tool (`shellTool` from `@labelflow/core`) as an AI SDK tool: the same name, description
 * and schema. Put it in `lf.tools()` under its name: each command is analysed, decided by the run's session
 * with what it runs, reads, writes and reaches, and run only if allowed. Outside `lf.tools()` it refuses every
 * call.
 *
 * @param options the core `shellTool` options: `cwd`, `timeoutMs`, `maxOutputBytes`, `env`, `homeDir`, `requireApproval`, `name`…
 * @example
 * ```ts
 * const tools = lf.tools({ shell: shellTool({ cwd: '/work/app' }), ...fileTools({ root: '/work/app' }) });
 * await generateText({ model: lf.model(model), tools, toolApproval: lf.toolApproval, prompt });
 * ```
 */
export function shellTool(options: ShellToolOptions = {}): Tool<{ command: string }, ShellResult> {
  const shell = coreShellTool(options);
  const { description, inputSchema } = shell;
  return register(shell, tool({ description, inputSchema, execute: async (): Promise<ShellResult> => refuseUnprepared(shell.name) }));
}

/**
 * The ready-made file tools (`fileTools` from `@labelflow/core`) as AI SDK tools, keyed by name: `read_file`,
 * `write_file` and `list_files`, confined to `root`. Spread them into `lf.tools()`.
 *
 * @param options the core `fileTools` options: `root`, `roots`, `maxBytes`, `homeDir`, `taint`
 * @example
 * ```ts
 * const tools = lf.tools({ ...fileTools({ root: '/work/app' }) });
 * ```
 */
export function fileTools(options: FileToolsOptions = {}): FileToolSet {
  const { read_file: read, write_file: write, list_files: list } = coreFileTools(options);
  return {
    read_file: register(read, tool({ description: read.description, inputSchema: read.inputSchema, execute: async (): Promise<ReadFileResult> => refuseUnprepared(read.name) })),
    write_file: register(write, tool({ description: write.description, inputSchema: write.inputSchema, execute: async (): Promise<WriteFileResult> => refuseUnprepared(write.name) })),
    list_files: register(list, tool({ description: list.description, inputSchema: list.inputSchema, execute: async (): Promise<ListFilesResult> => refuseUnprepared(list.name) })),
  };
}
