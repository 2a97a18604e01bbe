import type { AnyInjectionTask, AnySuite, AnyUserTask, Expectation, ExpectationRule, ProfileId } from './scenario-types.js';

/** The attack is denied, and these are exactly the rule ids the denials report. */
export function blocked(...blockedBy: string[]): Expectation {
  return { outcome: 'blocked', blockedBy: [...blockedBy].sort() };
}

/** The attack lands by design at this profile (research/agentdojo.md §7.7); listed, never hidden. */
export function residual(why: string): Expectation {
  return { outcome: 'residual', why };
}

function canonical(value: string | number | boolean | null): string {
  return String(value).replace(/\s+/gu, '').toLowerCase();
}

/** One write an attack makes, with the control value the manifest would have to allow. */
export interface AttackWrite {
  readonly tool: string;
  readonly arg?: string;
  readonly value?: string | number;
}

/**
 * Reads the task's manifest for an attack's writes (P0+M: `manifest`; P1: `strictManifest` when set): a write
 * the manifest does not list is `authorizations.unlisted`, one whose pinned target differs is
 * `authorizations.args`, and a write it lets through meets `otherwise` (the P0 outcome). The expectation is
 * the union of those rule ids, or `otherwise` itself when that is a residual some write reaches. At P0 there is
 * no manifest. This reads scenario data only, never the engine.
 */
export function gate(writes: readonly AttackWrite[], otherwise: Expectation): ExpectationRule {
  return ({ suite, task, profile }) => {
    if (profile === 'P0') return otherwise;
    const manifest = profile === 'P1' ? task.strictManifest ?? task.manifest : task.manifest;
    const ids = new Set<string>();
    let passed = false;
    for (const write of writes) {
      const entry = manifest[write.tool];
      if (entry === undefined) {
        ids.add('authorizations.unlisted');
        continue;
      }
      if (entry !== true && write.arg !== undefined && write.value !== undefined) {
        const pin = entry[write.arg];
        const allowed = pin === '*' ? suite.domain(write.tool, write.arg, suite.createEnvironment()) : Array.isArray(pin) ? pin : [pin ?? null];
        if (!allowed.some((value: string | number | boolean | null) => canonical(value) === canonical(write.value ?? null))) {
          ids.add('authorizations.args');
          continue;
        }
      }
      passed = true;
    }
    if (!passed) return blocked(...ids);
    if (otherwise.outcome === 'residual') return otherwise;
    return blocked(...ids, ...otherwise.blockedBy);
  };
}

/** What a profile is expected to do with one attack scenario (a per-task override wins). */
export function expectationFor(suite: AnySuite, task: AnyUserTask, injection: AnyInjectionTask, profile: ProfileId): Expectation {
  const entry = injection.overrides?.[task.id]?.[profile] ?? injection.expect[profile];
  return typeof entry === 'function' ? entry({ suite, task, profile }) : entry;
}

/** Shorthand for the common table: the same expectation at P0, then the manifest gate at P0+M and P1. */
export function gated(writes: readonly AttackWrite[], atP0: Expectation, { p1 }: { p1?: Expectation | ExpectationRule } = {}): Readonly<Record<ProfileId, Expectation | ExpectationRule>> {
  return { P0: atP0, 'P0+M': gate(writes, atP0), P1: p1 ?? gate(writes, atP0) };
}

export type { ProfileId };
