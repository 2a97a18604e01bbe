import { fileTools as coreFileTools, shellTool as coreShellTool, ToolRefusedError, type AnyLabelflowTool, type FileToolsOptions, type ShellToolOptions } from '@labelflow/core';
import { tool, type StructuredToolInterface } from '@langchain/core/tools';
import type { z } from 'zod';
import { preparedCallFor } from './prepared-call-scope.js';

/** The file tools as LangChain tools, keyed by tool name (`Object.values` gives the list an agent takes). */
export interface FileToolSet {
  readonly read_file: StructuredToolInterface;
  readonly write_file: StructuredToolInterface;
  readonly list_files: StructuredToolInterface;
}

// The ready-made tool behind each LangChain tool, for `runLabelflowToolCall`: it prepares the tool's calls.
const READY_MADE = new WeakMap<object, AnyLabelflowTool>();

/** The ready-made tool a LangChain tool stands for (one `shellTool` or `fileTools` made). */
export function readyMadeToolOf(langchainTool: unknown): AnyLabelflowTool | undefined {
  return langchainTool !== null && typeof langchainTool === 'object' ? READY_MADE.get(langchainTool) : undefined;
}

function toLangChainTool(readyMade: AnyLabelflowTool): StructuredToolInterface {
  const structured = tool(
    async (args: Record<string, unknown>) => {
      const execute = preparedCallFor(readyMade);
      // Fail closed: only labelflow prepares a call, and an unprepared call was never checked.
      if (execute === undefined) {
        throw new ToolRefusedError({ tool: readyMade.name, reason: 'the call did not go through labelflow: give the agent `labelflowMiddleware`, or wrap the tool with `wrapTool`' });
      }
      return execute(args);
    },
    // Every ready-made tool's schema is a zod object (its arguments are named); the type only says `ZodType`.
    { name: readyMade.name, description: readyMade.description, schema: readyMade.inputSchema as z.ZodObject },
  );
  READY_MADE.set(structured, readyMade);
  return structured;
}

/**
 * The ready-made `shell` tool (`shellTool` from `@labelflow/core`) as a LangChain tool: the same name,
 * description and schema. Under `labelflowMiddleware` (or `wrapTool`), each command is analysed, decided by the
 * session with what it runs, reads, writes and reaches, and run only if allowed. Without labelflow it refuses
 * every call.
 *
 * @param options the core `shellTool` options: `cwd`, `timeoutMs`, `maxOutputBytes`, `env`, `homeDir`, `requireApproval`, `name`…
 * @example
 * ```ts
 * const agent = createAgent({
 *   model,
 *   tools: [shellTool({ cwd: '/work/app' }), ...Object.values(fileTools({ root: '/work/app' }))],
 *   middleware: [labelflowMiddleware({ policy })],
 * });
 * ```
 */
export function shellTool(options: ShellToolOptions = {}): StructuredToolInterface {
  return toLangChainTool(coreShellTool(options));
}

/**
 * The ready-made file tools (`fileTools` from `@labelflow/core`) as LangChain tools, keyed by name:
 * `read_file`, `write_file` and `list_files`, confined to `root`.
 *
 * @param options the core `fileTools` options: `root`, `roots`, `maxBytes`, `homeDir`, `taint`
 * @example
 * ```ts
 * const agent = createAgent({ model, tools: Object.values(fileTools({ root: '/work/app' })), middleware: [labelflowMiddleware({ policy })] });
 * ```
 */
export function fileTools(options: FileToolsOptions = {}): FileToolSet {
  const tools = coreFileTools(options);
  return { read_file: toLangChainTool(tools.read_file), write_file: toLangChainTool(tools.write_file), list_files: toLangChainTool(tools.list_files) };
}
