import { checkCapabilities, type CapabilityOperation, type CapabilityViolation, type CompiledCapabilities } from '../capabilities/index.js';

// Tool names come from the model, so each memo is bounded: past this many tools it starts again.
const MAX_TOOLS = 1024;
const memos = new WeakMap<CompiledCapabilities, Map<string, CapabilityViolation | null>>();

/**
 * `checkCapabilities`, remembered per compiled capabilities for calls that touch nothing but their tool (no
 * command, path or host): the answer is then a function of the tool name alone, and most calls are such calls.
 */
export function checkLayerCapabilities(capabilities: CompiledCapabilities, operation: CapabilityOperation): CapabilityViolation | undefined {
  if (operation.commands !== undefined || operation.paths !== undefined || operation.hosts !== undefined) {
    return checkCapabilities(capabilities, operation);
  }
  let memo = memos.get(capabilities);
  const known = memo?.get(operation.tool);
  if (known !== undefined) return known ?? undefined;
  const found = checkCapabilities(capabilities, operation);
  if (memo === undefined) {
    memo = new Map();
    memos.set(capabilities, memo);
  }
  if (memo.size >= MAX_TOOLS) memo.clear();
  memo.set(operation.tool, found ?? null);
  return found;
}
