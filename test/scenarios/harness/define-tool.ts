import type { ToolMetadata } from '@labelflow/core';
import { z } from 'zod';
import type { RunTool } from './agent-driver.js';
import type { ToolSpec } from './scenario-types.js';

/**
 * Defines a suite tool: a strict zod input schema (unknown arguments are refused, as a real tool schema would),
 * the labelflow metadata an adapter would read from the tool definition, and a pure implementation.
 *
 * @example
 * ```ts
 * const getBalance = defineTool<BankingEnv, {}>({
 *   name: 'get_balance', description: 'Current balance.', input: {},
 *   metadata: { output: { labels: ['trusted'] } }, run: (env) => env.balance,
 * });
 * ```
 */
export function defineTool<Env, Shape extends z.ZodRawShape>(definition: {
  readonly name: string;
  readonly description: string;
  readonly input: Shape;
  readonly metadata: ToolMetadata;
  readonly trustedPayload?: readonly (keyof Shape & string)[];
  readonly run: (env: Env, args: z.infer<z.ZodObject<Shape>>) => unknown;
}): ToolSpec<Env> {
  const schema = z.strictObject(definition.input);
  return {
    name: definition.name,
    description: definition.description,
    input: schema as unknown as z.ZodType<Record<string, unknown>>,
    metadata: definition.metadata,
    ...(definition.trustedPayload === undefined ? {} : { trustedPayload: definition.trustedPayload }),
    run: (env, args) => definition.run(env, schema.parse(args)),
  };
}

/** Binds a suite's tools to one run's environment. */
export function bindTools<Env>(tools: readonly ToolSpec<Env>[], env: Env): RunTool[] {
  return tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    input: tool.input,
    metadata: tool.metadata,
    execute: (args) => tool.run(env, args),
  }));
}
