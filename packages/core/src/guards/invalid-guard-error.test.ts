import { describe, expect, it } from 'vitest';
import { LabelflowError } from '../errors/labelflow-error.js';
import { InvalidGuardError } from './invalid-guard-error.js';

describe('InvalidGuardError', () => {
  it('should name the guard, list its problems and say where to fix them', () => {
    const error = new InvalidGuardError({ guard: 'verify', problems: ['`when` is empty', '`before` must be a function'] });
    expect(error.message).toBe('guard `verify` is invalid (2 problems): `when` is empty; `before` must be a function; fix the definition passed to `defineGuard`');
    expect(error.name).toBe('InvalidGuardError');
    expect(InvalidGuardError.isInstance(error)).toBe(true);
    expect(LabelflowError.isInstance(error)).toBe(true);
  });

  it('should describe a definition without a usable name', () => {
    expect(new InvalidGuardError({ problems: ['x'] }).message).toContain('guard definition is invalid (1 problem)');
  });

  it('should not recognise other errors', () => {
    expect(InvalidGuardError.isInstance(new Error('x'))).toBe(false);
  });
});
