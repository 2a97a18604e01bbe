import { prependVerificationPrompt, verificationPrompt } from '@labelflow/core';
import type { LanguageModelMiddleware } from 'ai';
import { MIDDLEWARE_SPEC_VERSION, type ModelCallOptions } from './ai-sdk-types.js';
import { insideLlmTool } from '@labelflow/core';

/** Options of `verificationMiddleware`. */
export interface VerificationMiddlewareOptions {
  /** The model is labelled `llm` (an auditor, a sub-agent): it gets the verification prompt and `verify`. */
  readonly llm: boolean;
  /** The name its instructions are signed under, for the prompt. */
  readonly name: string;
  readonly toolName?: string;
}

/** The call with the verification prompt before its first system message (or as one, when it has none). */
export function withVerificationPrompt(params: ModelCallOptions, names: readonly string[], toolName = 'verify'): ModelCallOptions {
  const index = params.prompt.findIndex((message) => message.role === 'system');
  if (index === -1) return { ...params, prompt: [{ role: 'system', content: verificationPrompt({ names, toolName }) }, ...params.prompt] };
  const prompt = params.prompt.map((message, at) => (at === index && message.role === 'system' ? { ...message, content: prependVerificationPrompt(message.content, { names, toolName }) } : message));
  return { ...params, prompt };
}

/** The call without the tool `toolName` (and without a tool choice that names it). */
export function withoutTool(params: ModelCallOptions, toolName: string): ModelCallOptions {
  if (params.tools === undefined || !params.tools.some((tool) => tool.name === toolName)) return params;
  const tools = params.tools.filter((tool) => tool.name !== toolName);
  const choice = params.toolChoice?.type === 'tool' && params.toolChoice.toolName === toolName ? { toolChoice: { type: 'auto' as const } } : {};
  return { ...params, tools, ...choice };
}

/**
 * The inner middleware `lf.model()` adds under autoverify. A model labelled `llm`, or any model called inside a
 * tool labelled `llm`, gets the verification prompt before its instructions (the `verify` tool of `lf.tools()`
 * is in its tool list). Other models do not see `verify`: it would only be noise to them. It runs after
 * labelflow's own middleware has checked and indexed the instructions as the app sent them, so the prompt,
 * which is labelflow's text, is never mistaken for them.
 *
 * @example
 * ```ts
 * wrapLanguageModel({ model, middleware: [lf.middleware, verificationMiddleware({ llm: true, name: 'auditor' })] });
 * ```
 */
export function verificationMiddleware({ llm, name, toolName = 'verify' }: VerificationMiddlewareOptions): LanguageModelMiddleware {
  return {
    specificationVersion: MIDDLEWARE_SPEC_VERSION,
    transformParams: async ({ params }) => (llm || insideLlmTool() ? withVerificationPrompt(params, [name], toolName) : withoutTool(params, toolName)),
  };
}
