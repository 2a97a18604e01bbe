import type { AgentDriver } from './agent-driver.js';
import { switchOf } from './build-protection.js';
import { runAttack, type AttackResult } from './run-attack.js';
import type { AnyInjectionTask, AnySuite, AnyUserTask, ProfileId } from './scenario-types.js';

/** The longest chain of defences one attack is expected to meet (manifest, then rules, then a guard). */
const MAX_LAYERS = 5;

/** An ablation of one blocked attack: each step turns off every switch the last denial named. */
export interface PeelResult {
  readonly profile: ProfileId;
  /** The blocking rule ids met at each step, in order. */
  readonly layers: readonly (readonly string[])[];
  readonly landed: boolean;
  /** Why the attack never landed (a denial nothing can switch off, or too many layers). */
  readonly problem?: string;
}

/**
 * Proves an attack's blocking rules are load-bearing (mlld's parity tests, research/agentdojo.md §7.5): with the
 * rules credited for blocking it turned off, the attack must land or meet the next layer of defence, whose rules
 * are then turned off too, until it lands. An attack that never lands is a dead scenario or an uncredited rule.
 */
export async function peelAttack(
  suite: AnySuite,
  task: AnyUserTask,
  injection: AnyInjectionTask,
  profile: ProfileId,
  first: AttackResult,
  { driver }: { driver?: AgentDriver } = {},
): Promise<PeelResult> {
  const disabled = new Set<string>();
  const layers: string[][] = [];
  let current = first;
  while (!current.breach) {
    if (layers.length >= MAX_LAYERS) return { profile, layers, landed: false, problem: 'still blocked after every credited rule was turned off' };
    const switches = current.blockedBy.map(switchOf);
    if (switches.length === 0 || switches.every((id) => disabled.has(id))) {
      return { profile, layers, landed: false, problem: `blocked by \`${current.blockedBy.join(', ') || 'nothing'}\` with it turned off` };
    }
    layers.push([...current.blockedBy]);
    for (const id of switches) disabled.add(id);
    current = await runAttack(suite, task, injection, profile, { disabled, ...(driver === undefined ? {} : { driver }) });
  }
  return { profile, layers, landed: true };
}
