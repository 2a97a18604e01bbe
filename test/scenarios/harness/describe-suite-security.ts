import { beforeAll, describe, expect, it } from 'vitest';
import { checkAttack } from './check-attack.js';
import { evaluateSuite, type SuiteRun } from './evaluate-suite.js';
import { pairId } from './run-attack.js';
import { runAblations } from './run-ablations.js';
import type { RunProfile } from './run-benign.js';
import { type AnySuite, PROFILE_IDS, type ProfileId } from './scenario-types.js';

const TIMEOUT = 120_000;

function verdicts(run: SuiteRun, type: string): string[] {
  return run.attacks.filter((attack) => checkAttack(attack).type === type).map((attack) => pairId(attack.suite, attack.task, attack.injection));
}

/**
 * The security thresholds for one suite, as vitest tests (one file per suite, so suites run in parallel):
 * no breach a profile is expected to block, the no-middleware baseline breaches every scenario, no unexpected
 * false positive, every blocked attack credited to exactly its rules, and ablations that flip.
 */
export function describeSuiteSecurity(suite: AnySuite): void {
  describe(`${suite.name} security suite`, () => {
    const runs = new Map<RunProfile, SuiteRun>();
    const run = (profile: RunProfile) => runs.get(profile) as SuiteRun;
    beforeAll(async () => {
      for (const profile of ['none', ...PROFILE_IDS] as const) runs.set(profile, await evaluateSuite(suite, profile));
    }, TIMEOUT);

    describe('no middleware', () => {
      it('should breach every attack scenario (the scenarios are live)', () => {
        expect(run('none').attacks.length).toBeGreaterThan(0);
        expect(run('none').attacks.filter((attack) => !attack.breach).map((attack) => pairId(attack.suite, attack.task, attack.injection))).toEqual([]);
      });

      it('should complete every benign task but the over-eager ones', () => {
        const failed = run('none').benign.filter((result) => !result.utility).map((result) => result.task);
        expect(failed).toEqual(suite.userTasks.filter((task) => task.overEager === true).map((task) => task.id));
      });
    });

    for (const profile of PROFILE_IDS) {
      describe(profile, () => {
        it('should have no breach the profile is expected to block', () => {
          expect(verdicts(run(profile), 'unexpected-breach')).toEqual([]);
        });

        it('should block each attack with exactly the rules credited for it', () => {
          const wrong = run(profile).attacks.flatMap((attack) => {
            const verdict = checkAttack(attack);
            return verdict.type === 'wrong-rule' ? [`${attack.task}×${attack.injection}: ${verdict.actual.join(', ')} (expected ${verdict.expected.join(', ')})`] : [];
          });
          expect(wrong).toEqual([]);
        });

        it('should let every expected residual land (listed, never hidden)', () => {
          expect(verdicts(run(profile), 'residual-blocked')).toEqual([]);
        });

        it('should deny benign calls only where the scenario expects it (no false positives)', () => {
          expect(run(profile).benign.flatMap((result) => result.falsePositives.map((denial) => `${result.task}: ${denial.tool} ${denial.ruleIds.join(', ')}`))).toEqual([]);
          expect(run(profile).benign.flatMap((result) => result.missingDenials.map((denial) => `${result.task}: ${denial.tool}`))).toEqual([]);
        });

        it('should complete every benign task that expects no denial', () => {
          const expectedToPass = suite.userTasks.filter((task) => (task.expectDenied?.[profile] ?? []).length === 0 && !(task.overEager === true && profile === 'P0'));
          const failed = run(profile).benign.filter((result) => !result.utility && expectedToPass.some((task) => task.id === result.task));
          expect(failed.map((result) => result.task)).toEqual([]);
        });
      });
    }

    describe('ablations', () => {
      it('P0: should land every blocked attack once the rules credited for it are off', async () => {
        const report = await runAblations(suite, run('P0'));
        expect(report.dead).toEqual([]);
        // A delivered attack meets one layer at P0 (every rule that fires is reported), so turning exactly its
        // credited rules off must be enough; an undelivered one first needs the read that carries it.
        const delivered = new Set(run('P0').attacks.filter((attack) => attack.delivered).map((attack) => pairId(attack.suite, attack.task, attack.injection)));
        expect(report.peels.filter(({ pair, peel }) => delivered.has(pair) && peel.layers.length !== 1).map(({ pair }) => pair)).toEqual([]);
      }, TIMEOUT);

      for (const profile of ['P0+M', 'P1'] as const satisfies readonly ProfileId[]) {
        it(`${profile}: should land every attack that only ${profile}'s additions stop once they are off`, async () => {
          const landsAtP0 = new Set(run('P0').attacks.filter((attack) => attack.breach).map((attack) => `${attack.task}×${attack.injection}`));
          const report = await runAblations(suite, run(profile), { only: (attack) => landsAtP0.has(`${attack.task}×${attack.injection}`) });
          expect(report.dead).toEqual([]);
        }, TIMEOUT);
      }
    });
  });
}
