import { LabelflowError } from '../errors/labelflow-error.js';

const name = 'GuardBypassError';
const marker = `labelflow.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * Why a guard bypass was refused: bypass is switched off (`allowGuardBypass: false`), or the bypass itself is
 * malformed or names guards that do not exist.
 */
export type GuardBypassCode = 'GUARD_BYPASS_BLOCKED' | 'GUARD_BYPASS_INVALID';

const HOW_TO_FIX: Record<GuardBypassCode, string> = {
  GUARD_BYPASS_BLOCKED:
    'guards cannot be skipped here (`allowGuardBypass: false`); remove the `guards` option from this call, or set `allowGuardBypass: true` where skipping guards is acceptable',
  GUARD_BYPASS_INVALID:
    'use `guards: false`, `guards: { only: [names] }` or `guards: { except: [names] }` with the names of defined guards',
};

/**
 * Thrown by `runGuards` when a call asks to skip guards and that is not allowed, or asks in a form it cannot
 * read. The engine turns it into a denial of the call.
 *
 * @example
 * ```ts
 * try { await runGuards({ guards, phase: 'before', context, bypass: false, allowGuardBypass: false }); }
 * catch (error) { if (GuardBypassError.isInstance(error)) console.log(error.code); } // GUARD_BYPASS_BLOCKED
 * ```
 */
export class GuardBypassError extends LabelflowError {
  private readonly [symbol] = true;

  readonly code: GuardBypassCode;
  /** The bypass as it was requested, for example `guards: { except: [verify] }`. */
  readonly bypass: string;

  constructor({ code, bypass, problem }: { code: GuardBypassCode; bypass: string; problem?: string }) {
    const what =
      code === 'GUARD_BYPASS_BLOCKED' ? `guard bypass \`${bypass}\` is disabled` : `guard bypass \`${bypass}\` is invalid${problem === undefined ? '' : `: ${problem}`}`;
    super({ name, message: `${what} (${code}): ${HOW_TO_FIX[code]}` });
    this.code = code;
    this.bypass = bypass;
  }

  static override isInstance(error: unknown): error is GuardBypassError {
    return LabelflowError.hasMarker(error, marker);
  }
}
