import { AsyncLocalStorage } from 'node:async_hooks';
import { ToolRefusedError, type AnyLabelflowTool } from '@labelflow/core';

/** A ready-made tool's call the engine allowed: the tool, and its executor bound to the prepared call. */
export interface PreparedCallScope {
  readonly tool: AnyLabelflowTool;
  readonly execute: (args: Readonly<Record<string, unknown>>) => Promise<unknown>;
}

// LangChain runs a tool through its own handler chain (other middleware, the ToolNode, `invoke`, the schema),
// so the prepared call reaches the tool's function through the async context rather than through arguments.
const storage = new AsyncLocalStorage<PreparedCallScope>();

/**
 * Runs `fn` (the framework's execution of the tool) with the allowed call's executor in scope. The executor
 * runs once: the engine decided one call, so a middleware that calls the tool again gets a `ToolRefusedError`.
 */
export function runInPreparedCallScope<T>({ tool, execute }: PreparedCallScope, fn: () => T): T {
  let ran = false;
  const once: PreparedCallScope['execute'] = async (args) => {
    // Fail closed: a second run would act without a decision of its own.
    if (ran) throw new ToolRefusedError({ tool: tool.name, reason: 'the call already ran: each allowed call runs once' });
    ran = true;
    return execute(args);
  };
  return storage.run({ tool, execute: once }, fn);
}

/** The executor in scope for `tool`, or undefined when labelflow did not allow a call of that tool here. */
export function preparedCallFor(tool: AnyLabelflowTool): PreparedCallScope['execute'] | undefined {
  const scope = storage.getStore();
  return scope?.tool === tool ? scope.execute : undefined;
}
