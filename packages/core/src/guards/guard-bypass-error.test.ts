import { describe, expect, it } from 'vitest';
import { LabelflowError } from '../errors/labelflow-error.js';
import { GuardBypassError } from './guard-bypass-error.js';
import { InvalidGuardError } from './invalid-guard-error.js';

describe('GuardBypassError', () => {
  it('should explain a blocked bypass with its code and the fix', () => {
    const error = new GuardBypassError({ code: 'GUARD_BYPASS_BLOCKED', bypass: 'guards: false' });
    expect(error.message).toContain('guard bypass `guards: false` is disabled (GUARD_BYPASS_BLOCKED)');
    expect(error.message).toContain('remove the `guards` option');
    expect(error.code).toBe('GUARD_BYPASS_BLOCKED');
    expect(error.bypass).toBe('guards: false');
    expect(GuardBypassError.isInstance(error)).toBe(true);
    expect(LabelflowError.isInstance(error)).toBe(true);
    expect(InvalidGuardError.isInstance(error)).toBe(false);
  });

  it('should explain an invalid bypass with the problem', () => {
    const error = new GuardBypassError({ code: 'GUARD_BYPASS_INVALID', bypass: 'guards: { only: [x] }', problem: 'no guard is named `x`' });
    expect(error.message).toContain('is invalid: no guard is named `x` (GUARD_BYPASS_INVALID)');
  });
});
