import { matchesLabel } from '../labels/match-label.js';
import type { Label } from '../labels/label.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import { expandTargets, isOperation, operationTargets, type OperationTargets } from './operation-targets.js';

/** The risk categories the built-in rules and capability checks ask about (each: the category or a child of it). */
export interface OperationCategories {
  readonly exfil: boolean;
  readonly exfilSend: boolean;
  readonly destructive: boolean;
  readonly destructiveTargeted: boolean;
  readonly privileged: boolean;
  readonly exec: boolean;
  /** `net` or `exfil:fetch`: the hosts of the control arguments' URLs are capability subjects. */
  readonly network: boolean;
}

/** What a call's operation is under a policy: a function of the tool and its declared labels only. */
export interface OperationProfile {
  readonly operation: OperationTargets;
  /** Per layer, the targets its allow entries match: the tool's own labels mapped by that layer alone. */
  readonly allowTargets: readonly (readonly Label[])[];
  readonly is: OperationCategories;
  /** The `requireApproval` entries of every layer that match the operation, layer by layer. */
  readonly approvals: readonly Label[];
}

interface Entry {
  readonly labels: readonly Label[] | undefined;
  readonly profile: OperationProfile;
}

// Tool names come from the model, so the memo is bounded: past this many tools it starts again.
const MAX_TOOLS = 1024;
const MAX_PER_TOOL = 16;
const memos = new WeakMap<CompiledPolicy, Map<string, Entry[]>>();

function sameLabels(a: readonly Label[] | undefined, b: readonly Label[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

function profileOf(compiled: CompiledPolicy, tool: string, labels: readonly Label[] | undefined): OperationProfile {
  const operation = operationTargets(compiled, tool, labels);
  const { targets } = operation;
  return Object.freeze({
    operation,
    allowTargets: Object.freeze(compiled.layers.map((layer) => Object.freeze(expandTargets(operation.base, layer.operations)))),
    is: Object.freeze({
      exfil: isOperation(targets, 'exfil'),
      exfilSend: isOperation(targets, 'exfil:send'),
      destructive: isOperation(targets, 'destructive'),
      destructiveTargeted: isOperation(targets, 'destructive:targeted'),
      privileged: isOperation(targets, 'privileged'),
      exec: isOperation(targets, 'exec'),
      network: isOperation(targets, 'net') || isOperation(targets, 'exfil:fetch'),
    }),
    approvals: Object.freeze(
      compiled.layers.flatMap((layer) => layer.requireApproval.filter((entry) => targets.some((target) => matchesLabel(entry, target)))),
    ),
  });
}

/**
 * The operation profile of a call, memoised per compiled policy: the same tool with the same declared labels
 * always maps onto the same targets, so a run pays for the mapping once per tool.
 */
export function operationProfile(compiled: CompiledPolicy, tool: string, labels: readonly Label[] | undefined): OperationProfile {
  let memo = memos.get(compiled);
  if (memo === undefined) {
    memo = new Map();
    memos.set(compiled, memo);
  }
  let entries = memo.get(tool);
  if (entries !== undefined) {
    for (const entry of entries) if (sameLabels(entry.labels, labels)) return entry.profile;
  }
  const profile = profileOf(compiled, tool, labels);
  if (entries === undefined || entries.length >= MAX_PER_TOOL) {
    if (memo.size >= MAX_TOOLS) memo.clear();
    entries = [];
    memo.set(tool, entries);
  }
  entries.push({ labels: labels === undefined ? undefined : Object.freeze([...labels]), profile });
  return profile;
}
