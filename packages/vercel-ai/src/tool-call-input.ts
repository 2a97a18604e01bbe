import type { ToolCallInput, ToolMetadata } from '@labelflow/core';

/** The argument name a non-object tool input is checked under. */
export const WHOLE_INPUT = 'input';

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The engine's view of a tool call. The engine checks named arguments; an input that is not an object (a
 * dynamic tool may take anything) is checked whole, as the argument `input`.
 */
export function toolCallInput({ toolName, toolCallId, input, metadata }: {
  toolName: string;
  toolCallId: string;
  input: unknown;
  metadata: ToolMetadata | undefined;
}): ToolCallInput {
  const args = isPlainRecord(input) ? input : { [WHOLE_INPUT]: input };
  return { toolName, toolCallId, args, ...(metadata === undefined ? {} : { metadata }) };
}

/** The input to execute with, from the engine's arguments (undoing `toolCallInput`'s wrapping). */
export function inputFromArgs(input: unknown, args: Readonly<Record<string, unknown>>): unknown {
  return isPlainRecord(input) ? args : args[WHOLE_INPUT];
}
