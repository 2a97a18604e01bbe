import type { TrustConflictMode } from '../labels/modify-labels.js';
import { applyGuardBypass, type GuardBypass } from './apply-guard-bypass.js';
import { applyRelabel, RESULT_TARGET, type LabelState } from './apply-relabel.js';
import type { Guard } from './define-guard.js';
import { guardApplies } from './guard-applies.js';
import type { GuardContext, GuardPhase } from './guard-context.js';
import { reduction, type GuardReduction, type GuardRelabel } from './guard-reduction.js';
import { InvalidGuardError } from './invalid-guard-error.js';
import { readGuardOutcome, type ReadOutcome } from './read-guard-outcome.js';
import { snapshotGuardContext } from './snapshot-guard-context.js';

/** Options of `runGuards`. */
export interface RunGuardsOptions {
  /** Every guard of the session, in registration order; those without a handler for `phase` are skipped. */
  readonly guards: readonly Guard[];
  readonly phase: GuardPhase;
  readonly context: GuardContext;
  /** The call's request to skip guards; privileged guards always run. */
  readonly bypass?: GuardBypass | undefined;
  /** `false` refuses every bypass with `GuardBypassError` (`GUARD_BYPASS_BLOCKED`). Default `true`. */
  readonly allowGuardBypass?: boolean | undefined;
  /** `defaults.trustconflict`; default `untrusted-wins`. */
  readonly trustConflict?: TrustConflictMode | undefined;
}

const MAX_ERROR_LENGTH = 200;

function describeThrown(error: unknown): string {
  try {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : `a thrown ${error === null ? 'null' : typeof error}`;
    const line = text.replace(/\s+/gu, ' ').trim();
    return line.length > MAX_ERROR_LENGTH ? `${line.slice(0, MAX_ERROR_LENGTH)}…` : line;
  } catch {
    return 'an error that could not be read';
  }
}

async function callGuard(guard: Guard, phase: GuardPhase, ctx: GuardContext): Promise<ReadOutcome | { type: 'threw'; error: string }> {
  const handler = phase === 'before' ? guard.before : guard.after;
  try {
    return readGuardOutcome(await handler?.(ctx));
  } catch (error) {
    return { type: 'threw', error: describeThrown(error) };
  }
}

function assertUniqueNames(guards: readonly Guard[]): void {
  const seen = new Set<string>();
  for (const guard of guards) {
    // Bypass lists, denials and audit records name guards; two with one name would make them ambiguous.
    if (seen.has(guard.name)) throw new InvalidGuardError({ guard: guard.name, problems: ['another guard has the same name; guard names must be unique'] });
    seen.add(guard.name);
  }
}

function initialState(ctx: GuardContext): LabelState {
  if (ctx.phase === 'after') return new Map([[RESULT_TARGET, ctx.resultLabels ?? []]]);
  const names = new Set([...Object.keys(ctx.argLabels), ...Object.keys(ctx.args)]);
  return new Map([...names].map((name) => [name, Object.hasOwn(ctx.argLabels, name) ? (ctx.argLabels[name] ?? []) : []]));
}

/**
 * Runs every guard of one phase that applies to the call, one after another in order, and reduces their
 * outcomes:
 *
 * - the first `deny` ends the run and wins over everything, a privileged `allow` included; so does a guard
 *   that throws, returns something that is not an outcome, or makes a label change it may not make;
 * - otherwise any `retry` gives `retry` with every hint;
 * - otherwise the call continues: before-transforms (replacement arguments) — the last wins, each guard seeing
 *   the original arguments; after-transforms (replacement results) chain, each guard seeing the previous
 *   one's result; `require-approval` reasons, relabels in order, and the first privileged `allow` as
 *   `liftedBy` (the engine decides whether the policy denial it faces may be lifted).
 *
 * Throws `GuardBypassError` for a bypass that is refused or malformed, and `InvalidGuardError` for two guards
 * with one name or a hand-made guard that is invalid; the engine turns both into a denial.
 *
 * @param options.guards the session's guards, in order
 * @param options.phase `before` or `after` the tool executes
 * @param options.context what the guards read; each guard gets a frozen copy
 * @param options.bypass `false`, `{ only }` or `{ except }`; privileged guards always run
 * @param options.allowGuardBypass `false` makes any bypass throw `GUARD_BYPASS_BLOCKED`
 * @param options.trustConflict how adding `trusted` to an `untrusted` value is resolved
 *
 * @example
 * ```ts
 * const reduced = await runGuards({ guards, phase: 'before', context });
 * if (reduced.type === 'deny') return denial(reduced.reason);
 * if (reduced.type === 'retry') return denial(reduced.hints.join('; '));
 * const args = reduced.args ?? context.args;
 * ```
 */
export async function runGuards({
  guards,
  phase,
  context,
  bypass,
  allowGuardBypass,
  trustConflict = 'untrusted-wins',
}: RunGuardsOptions): Promise<GuardReduction> {
  assertUniqueNames(guards);
  const active = applyGuardBypass({ guards, bypass, allowGuardBypass });
  const base = snapshotGuardContext(context, phase);
  let state = initialState(base);
  let args: Readonly<Record<string, unknown>> | undefined;
  let result: { value: unknown } | undefined;
  const hints: string[] = [];
  const retryGuards: string[] = [];
  const approval = { guards: [] as string[], reasons: [] as string[] };
  const relabels: GuardRelabel[] = [];
  const ran: string[] = [];
  let liftedBy: string | undefined;

  for (const guard of active) {
    if ((phase === 'before' ? guard.before : guard.after) === undefined) continue;
    const ctx = result === undefined ? base : Object.freeze({ ...base, result: result.value });
    if (!guardApplies(guard, ctx)) continue;
    ran.push(guard.name);
    const read = await callGuard(guard, phase, ctx);
    const deny = (code: 'guard-denied' | 'guard-error', reason: string) => reduction.deny({ guard: guard.name, reason, code });
    // Fail closed: a guard that throws cannot be shown to have no objection.
    if (read.type === 'threw') return deny('guard-error', `guard \`${guard.name}\` threw: ${read.error}`);
    // Fail closed: a value that is not an outcome might have been meant as a denial.
    if (read.type === 'invalid') return deny('guard-error', `guard \`${guard.name}\` returned something that is not a guard outcome: ${read.problem}`);
    if (read.type === 'none') continue;
    const decided = read.outcome;
    switch (decided.type) {
      case 'deny':
        return deny('guard-denied', decided.reason);
      case 'allow':
        if (guard.privileged && liftedBy === undefined) liftedBy = guard.name;
        break;
      case 'retry':
        hints.push(decided.hint);
        retryGuards.push(guard.name);
        break;
      case 'require-approval':
        approval.guards.push(guard.name);
        approval.reasons.push(decided.reason);
        break;
      case 'transform':
        // Fail closed: a replacement for the wrong phase would be dropped or misapplied by the engine.
        if (phase === 'before' && !('args' in decided)) return deny('guard-error', `guard \`${guard.name}\` transformed the result before the call; a before-guard transforms \`args\``);
        if (phase === 'after' && !('result' in decided)) return deny('guard-error', `guard \`${guard.name}\` transformed the arguments after the call; an after-guard transforms \`result\``);
        if ('args' in decided) args = decided.args;
        else result = { value: decided.result };
        break;
      case 'relabel': {
        const checked = applyRelabel({ relabel: decided, guard: guard.name, privileged: guard.privileged, phase, state, trustConflict });
        if (checked.type === 'refused') return reduction.deny({ guard: guard.name, reason: checked.reason, code: checked.code });
        state = checked.state;
        relabels.push(checked.entry);
        break;
      }
    }
  }

  if (hints.length > 0) return reduction.retry({ hints, guards: retryGuards });
  return reduction.continue({
    relabels,
    ran,
    ...(args === undefined ? {} : { args }),
    ...(result === undefined ? {} : { result: result.value }),
    ...(approval.guards.length === 0 ? {} : { approval: Object.freeze({ guards: Object.freeze(approval.guards), reasons: Object.freeze(approval.reasons) }) }),
    ...(liftedBy === undefined ? {} : { liftedBy }),
  });
}
