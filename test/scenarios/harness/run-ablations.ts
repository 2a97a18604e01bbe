import type { AgentDriver } from './agent-driver.js';
import type { GradedAttack, SuiteRun } from './evaluate-suite.js';
import { pairId } from './run-attack.js';
import { peelAttack, type PeelResult } from './peel-attack.js';
import type { AnySuite, ProfileId } from './scenario-types.js';

/** What turning one rule (or switch) off does, over the attacks a profile blocks. */
export interface AblationRow {
  readonly rule: string;
  /** Blocked attacks whose first denial names this rule. */
  readonly credited: number;
  /** Of those, the attacks this rule alone blocked. */
  readonly sole: number;
  /** Of the sole ones, those that land as soon as this rule is off. */
  readonly soleLanded: number;
}

export interface AblationReport {
  readonly suite: string;
  readonly profile: ProfileId;
  readonly peels: readonly { readonly pair: string; readonly peel: PeelResult }[];
  readonly rows: readonly AblationRow[];
  /** Attacks that never landed once every credited rule was off (dead scenarios). */
  readonly dead: readonly string[];
}

/** Runs the ablation of every attack a profile blocked in a suite run (see `peelAttack`). */
export async function runAblations(
  suite: AnySuite,
  run: SuiteRun,
  { driver, only }: { driver?: AgentDriver; only?: (attack: GradedAttack) => boolean } = {},
): Promise<AblationReport> {
  const profile = run.profile as ProfileId;
  const peels: { pair: string; peel: PeelResult }[] = [];
  for (const attack of run.attacks) {
    if (attack.breach || (only !== undefined && !only(attack))) continue;
    const task = suite.userTasks.find((item) => item.id === attack.task);
    const injection = suite.injectionTasks.find((item) => item.id === attack.injection);
    if (task === undefined || injection === undefined) continue;
    peels.push({ pair: pairId(suite.name, task.id, injection.id), peel: await peelAttack(suite, task, injection, profile, attack, driver === undefined ? {} : { driver }) });
  }
  return { suite: suite.name, profile, peels, rows: ablationRows(peels.map(({ peel }) => peel)), dead: peels.filter(({ peel }) => !peel.landed).map(({ pair, peel }) => `${pair}: ${peel.problem ?? 'never landed'}`) };
}

/** Per rule: how many attacks it is credited with, alone or with others, and whether they land without it. */
export function ablationRows(peels: readonly PeelResult[]): AblationRow[] {
  const rows = new Map<string, { credited: number; sole: number; soleLanded: number }>();
  for (const peel of peels) {
    const first = peel.layers[0] ?? [];
    for (const rule of first) {
      const row = rows.get(rule) ?? { credited: 0, sole: 0, soleLanded: 0 };
      row.credited += 1;
      if (first.length === 1) {
        row.sole += 1;
        if (peel.landed && peel.layers.length === 1) row.soleLanded += 1;
      }
      rows.set(rule, row);
    }
  }
  return [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([rule, row]) => ({ rule, ...row }));
}
