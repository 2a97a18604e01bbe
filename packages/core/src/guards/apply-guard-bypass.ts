import type { Guard } from './define-guard.js';
import { GuardBypassError } from './guard-bypass-error.js';

/**
 * A per-call request to skip guards: `false` skips every non-privileged guard, `{ only }` runs only the named
 * ones, `{ except }` skips the named ones. Privileged guards always run.
 */
export type GuardBypass = false | { readonly only: readonly string[] } | { readonly except: readonly string[] };

function describeNames(value: unknown): string {
  return Array.isArray(value) ? `[${value.map((item) => (typeof item === 'string' ? item : typeof item)).join(', ')}]` : typeof value;
}

function describeBypass(bypass: unknown): string {
  if (bypass === false) return 'guards: false';
  if (typeof bypass !== 'object' || bypass === null) return `guards: ${String(bypass)}`;
  const parts = Object.keys(bypass).map((key) => `${key}: ${describeNames((bypass as Record<string, unknown>)[key])}`);
  return `guards: { ${parts.join(', ')} }`;
}

function readNames(bypass: object, shown: string, known: ReadonlySet<string>): { mode: 'only' | 'except'; names: ReadonlySet<string> } {
  const keys = Object.keys(bypass);
  const mode = keys[0];
  if (keys.length !== 1 || (mode !== 'only' && mode !== 'except')) {
    throw new GuardBypassError({ code: 'GUARD_BYPASS_INVALID', bypass: shown, problem: 'give exactly one of `only` or `except`' });
  }
  const names: unknown = (bypass as Record<string, unknown>)[mode];
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) {
    throw new GuardBypassError({ code: 'GUARD_BYPASS_INVALID', bypass: shown, problem: `\`${mode}\` must be an array of guard names` });
  }
  // A misspelt name would silently run (or skip) the wrong guards; refuse it instead.
  const unknown = (names as string[]).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new GuardBypassError({ code: 'GUARD_BYPASS_INVALID', bypass: shown, problem: `no guard is named ${unknown.map((name) => `\`${name}\``).join(', ')}` });
  }
  return { mode, names: new Set(names as string[]) };
}

/**
 * The guards a call runs once its bypass is applied, in their original order. Privileged guards are always
 * kept. Throws `GuardBypassError` with `GUARD_BYPASS_BLOCKED` when a bypass is requested while
 * `allowGuardBypass` is not `true`-or-omitted, and with `GUARD_BYPASS_INVALID` when the bypass is malformed.
 *
 * @example
 * ```ts
 * applyGuardBypass({ guards: [audit, verify], bypass: { except: ['audit'] } }); // [verify] (plus privileged ones)
 * applyGuardBypass({ guards, bypass: false, allowGuardBypass: false });        // throws GUARD_BYPASS_BLOCKED
 * ```
 */
export function applyGuardBypass({
  guards,
  bypass,
  allowGuardBypass,
}: {
  guards: readonly Guard[];
  bypass?: GuardBypass | undefined;
  allowGuardBypass?: boolean | undefined;
}): readonly Guard[] {
  if (bypass === undefined) return guards;
  const shown = describeBypass(bypass);
  // Fail closed: only an explicit `true` (or the default) permits skipping guards; `false` or a garbled value does not.
  if (allowGuardBypass !== undefined && allowGuardBypass !== true) throw new GuardBypassError({ code: 'GUARD_BYPASS_BLOCKED', bypass: shown });
  if (bypass === false) return guards.filter((guard) => guard.privileged);
  if (typeof bypass !== 'object' || bypass === null || Array.isArray(bypass)) {
    // Fail closed: a bypass we cannot read is refused rather than guessed at.
    throw new GuardBypassError({ code: 'GUARD_BYPASS_INVALID', bypass: shown });
  }
  const { mode, names } = readNames(bypass, shown, new Set(guards.map((guard) => guard.name)));
  return guards.filter((guard) => guard.privileged || names.has(guard.name) === (mode === 'only'));
}
