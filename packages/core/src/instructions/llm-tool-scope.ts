import { AsyncLocalStorage } from 'node:async_hooks';

// One store for every labelflow instance and adapter in the process: a
// sub-agent's model may be wrapped by another instance, or another framework, than the tool that runs it.
const KEY = Symbol.for('labelflow.llm-tool');

function storage(): AsyncLocalStorage<true> {
  const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<true> | undefined>;
  let store = holder[KEY];
  if (store === undefined) {
    store = new AsyncLocalStorage<true>();
    Object.defineProperty(holder, KEY, { value: store, enumerable: false, configurable: false, writable: false });
  }
  return store;
}

/**
 * Runs `fn` as the execution of a tool labelled `llm` (a sub-agent, an auditor): every model call made inside
 * it counts as an `llm` model call, so autoverify prepends the verification prompt and offers `verify`.
 *
 * @example
 * ```ts
 * const execute = (input, options) => runAsLlmTool(() => auditor.generate({ prompt: input.text }));
 * ```
 */
export function runAsLlmTool<T>(fn: () => T): T {
  return storage().run(true, fn);
}

/** True inside the execution of a tool labelled `llm`. */
export function insideLlmTool(): boolean {
  return storage().getStore() === true;
}
