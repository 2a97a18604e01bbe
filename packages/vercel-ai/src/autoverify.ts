import { tryGetSession, type Label, type VerifyToolResult } from '@labelflow/core';
import { tool, type LanguageModelMiddleware, type Tool, type ToolSet } from 'ai';
import type { InstructionsVerifier } from '@labelflow/core';
import { runAsLlmTool } from '@labelflow/core';
import { verificationMiddleware } from './verification-middleware.js';

/** The name instructions are registered under when a model names none. */
export const DEFAULT_INSTRUCTIONS_NAME = 'system';

/** The name of the tool autoverify adds to `lf.tools()`. */
export const VERIFY_TOOL_NAME = 'verify';

/** Options of `lf.model(model, options)`. */
export interface ModelOptions {
  /** The name this model's instructions (its system messages, joined) are registered, signed and verified under. Default `system`. */
  readonly name?: string;
  /** `['llm']` for auditor and sub-agent models: under autoverify they get the verification prompt and `verify`. */
  readonly labels?: readonly Label[];
}

type Execute = (input: unknown, options: unknown) => unknown;

/**
 * The middlewares `lf.model()` applies: labelflow's own (which registers and checks the instructions under the
 * model's name) and, under autoverify, the verification middleware inside it.
 *
 * @example
 * ```ts
 * wrapLanguageModel({ model, middleware: modelMiddlewares({ verifier, base: (name) => labelflowMiddleware({ registry, instructions: { verifier, name } }), options: { labels: ['llm'] } }) });
 * ```
 */
export function modelMiddlewares({ verifier, base, options = {} }: { verifier: InstructionsVerifier; base: (name: string) => LanguageModelMiddleware; options?: ModelOptions }): LanguageModelMiddleware[] {
  const name = options.name ?? DEFAULT_INSTRUCTIONS_NAME;
  if (!verifier.autoverify) return [base(name)];
  return [base(name), verificationMiddleware({ llm: options.labels?.includes('llm') === true, name, toolName: VERIFY_TOOL_NAME })];
}

/** The AI SDK `verify` tool: returns the signed originals of the instructions the verifier serves. */
export function createAiVerifyTool(verifier: InstructionsVerifier): Tool<{ names?: string[] | undefined }, VerifyToolResult> {
  const definition = verifier.verifyTool();
  return tool({
    description: definition.description,
    inputSchema: definition.zodSchema,
    // Reads only; its output is the signed originals, so it is `trusted` (the engine decides it like any tool).
    metadata: { labelflow: definition.metadata },
    // labelflow runs the execution with the session current, so the ledger records the check under it.
    execute: async (input) => verifier.verifyTool(tryGetSession()?.id).execute(input),
  });
}

/**
 * What autoverify adds to a tool set before `lf.tools()` wraps it: the `verify` tool, and for tools labelled
 * `llm` an execution during which every model call counts as an `llm` call. Without autoverify the set is
 * returned as it is.
 *
 * @param labelsOf a tool's operation labels, from wherever they are declared
 * @example
 * ```ts
 * const tools = wrapTools(context, withAutoverifyTools({ summarise, publish }, { verifier, labelsOf }));
 * ```
 */
export function withAutoverifyTools<TOOLS extends ToolSet>(tools: TOOLS, { verifier, labelsOf }: { verifier: InstructionsVerifier; labelsOf: (name: string, tool: unknown) => readonly Label[] }): TOOLS {
  if (!verifier.autoverify) return tools;
  if (Object.hasOwn(tools, VERIFY_TOOL_NAME)) {
    // Fail closed: the model must not get another tool where it expects the signed originals.
    throw new Error(`labelflow: autoverify adds a tool named \`${VERIFY_TOOL_NAME}\`, and the tool set already has one: rename yours`);
  }
  const marked: Record<string, unknown> = {};
  for (const name of Object.keys(tools)) {
    const original = tools[name] as unknown as Record<string, unknown>;
    const execute = original['execute'];
    const llm = typeof execute === 'function' && labelsOf(name, original).includes('llm');
    const copy = llm ? { ...original, execute: (input: unknown, options: unknown) => runAsLlmTool(() => (execute as Execute)(input, options)) } : original;
    Object.defineProperty(marked, name, { value: copy, enumerable: true, writable: true, configurable: true });
  }
  Object.defineProperty(marked, VERIFY_TOOL_NAME, { value: createAiVerifyTool(verifier), enumerable: true, writable: true, configurable: true });
  return marked as TOOLS;
}
