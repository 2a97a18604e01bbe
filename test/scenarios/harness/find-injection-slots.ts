import type { AgentDriver } from './agent-driver.js';
import { createBenignModel } from './benign-model.js';
import { createCoreDriver } from './core-driver.js';
import { bindTools } from './define-tool.js';
import { canaryText } from './injection-text.js';
import type { AnySuite, AnyUserTask } from './scenario-types.js';

const cache = new WeakMap<AnyUserTask, readonly string[]>();

/**
 * The injection slots a user task reads (AgentDojo's `get_injection_candidates`): its ground truth runs once
 * with no middleware and a canary in every slot, and a slot counts when its canary shows up in a tool result.
 * An attack is only ever delivered through data the benign task reads.
 */
export async function findInjectionSlots(suite: AnySuite, task: AnyUserTask, driver: AgentDriver = createCoreDriver()): Promise<readonly string[]> {
  const cached = cache.get(task);
  if (cached !== undefined) return cached;
  const env = suite.createEnvironment(Object.fromEntries(suite.slots.map((slot) => [slot, canaryText(slot)])));
  const seen = new Set<string>();
  const tools = bindTools(suite.tools, env).map((tool) => ({
    ...tool,
    execute: (args: Record<string, unknown>) => {
      const result = tool.execute(args);
      const text = JSON.stringify(result) ?? '';
      for (const slot of suite.slots) if (text.includes(canaryText(slot))) seen.add(slot);
      return result;
    },
  }));
  await driver.run({ prompt: task.prompt, tools, protection: null, model: createBenignModel(task), maxSteps: 200 });
  const slots = suite.slots.filter((slot) => seen.has(slot));
  cache.set(task, slots);
  return slots;
}
