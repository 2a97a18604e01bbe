import { describe, expect, it } from 'vitest';
import { applyGuardBypass, type GuardBypass } from './apply-guard-bypass.js';
import { defineGuard } from './define-guard.js';
import { GuardBypassError } from './guard-bypass-error.js';

const NOOP = () => undefined;
const AUDIT = defineGuard({ name: 'audit', before: NOOP });
const VERIFY = defineGuard({ name: 'verify', before: NOOP });
const POLICY = defineGuard({ name: 'policy', before: NOOP, privileged: true });
const GUARDS = [AUDIT, POLICY, VERIFY];

function names(bypass: GuardBypass | undefined): string[] {
  return applyGuardBypass({ guards: GUARDS, bypass }).map((guard) => guard.name);
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return GuardBypassError.isInstance(error) ? error.code : 'other';
  }
  return undefined;
}

describe('applyGuardBypass', () => {
  it.each([
    [undefined, ['audit', 'policy', 'verify']],
    [false, ['policy']],
    [{ only: ['verify'] }, ['policy', 'verify']],
    [{ only: [] }, ['policy']],
    [{ except: ['audit'] }, ['policy', 'verify']],
    [{ except: ['policy'] }, ['audit', 'policy', 'verify']],
  ] as const)('should apply %o and always keep privileged guards', (bypass, expected) => {
    expect(names(bypass as GuardBypass | undefined)).toEqual(expected);
  });

  it('should refuse every bypass form when allowGuardBypass is false', () => {
    for (const bypass of [false, { only: ['verify'] }, { except: [] }] as const) {
      expect(codeOf(() => applyGuardBypass({ guards: GUARDS, bypass, allowGuardBypass: false }))).toBe('GUARD_BYPASS_BLOCKED');
    }
    expect(applyGuardBypass({ guards: GUARDS, allowGuardBypass: false })).toBe(GUARDS);
  });

  it('should treat a garbled allowGuardBypass as false', () => {
    const garbled = 'yes' as unknown as boolean;
    expect(codeOf(() => applyGuardBypass({ guards: GUARDS, bypass: false, allowGuardBypass: garbled }))).toBe('GUARD_BYPASS_BLOCKED');
  });

  it('should name the bypass and the fix in the blocked message', () => {
    try {
      applyGuardBypass({ guards: GUARDS, bypass: { except: ['audit'] }, allowGuardBypass: false });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain('`guards: { except: [audit] }` is disabled');
      expect((error as Error).message).toContain('allowGuardBypass: true');
    }
  });

  it.each([
    [true, 'GUARD_BYPASS_INVALID'],
    [{}, 'GUARD_BYPASS_INVALID'],
    [{ only: ['audit'], except: ['verify'] }, 'GUARD_BYPASS_INVALID'],
    [{ only: 'audit' }, 'GUARD_BYPASS_INVALID'],
    [{ only: [1] }, 'GUARD_BYPASS_INVALID'],
    [{ excpet: ['audit'] }, 'GUARD_BYPASS_INVALID'],
    [{ only: ['veriyf'] }, 'GUARD_BYPASS_INVALID'],
    [['audit'], 'GUARD_BYPASS_INVALID'],
  ])('should refuse the malformed bypass %o', (bypass, code) => {
    expect(codeOf(() => applyGuardBypass({ guards: GUARDS, bypass: bypass as unknown as GuardBypass }))).toBe(code);
  });
});
