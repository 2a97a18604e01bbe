import { describe, expect, it } from 'vitest';
import { InvalidPolicyError } from './invalid-policy-error.js';
import { LabelModificationError } from './label-modification-error.js';
import { LabelflowError } from './labelflow-error.js';
import { PolicyWideningError } from './policy-widening-error.js';

describe('LabelflowError', () => {
  it('should recognise its subclasses through the marker', () => {
    const error = new InvalidPolicyError({ issues: [{ path: ['defaults', 'rules', 0], code: 'invalid_value', message: 'unknown rule `x`' }] });
    expect(LabelflowError.isInstance(error)).toBe(true);
    expect(InvalidPolicyError.isInstance(error)).toBe(true);
    expect(PolicyWideningError.isInstance(error)).toBe(false);
  });

  it('should recognise an error from another copy of the package by its marker symbol', () => {
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('labelflow.error')]: true,
      [Symbol.for('labelflow.error.InvalidPolicyError')]: true,
    });
    expect(LabelflowError.isInstance(foreign)).toBe(true);
    expect(InvalidPolicyError.isInstance(foreign)).toBe(true);
  });

  it('should not recognise plain errors or non-objects', () => {
    expect(LabelflowError.isInstance(new Error('x'))).toBe(false);
    expect(LabelflowError.isInstance(null)).toBe(false);
    expect(LabelflowError.isInstance('labelflow.error')).toBe(false);
  });
});

describe('InvalidPolicyError', () => {
  it('should list every issue with its path in one message', () => {
    const error = new InvalidPolicyError({
      issues: [
        { path: ['capabilities', 'allow', 2], code: 'custom', message: 'bad pattern' },
        { path: [], code: 'invalid_type', message: 'expected object' },
      ],
      source: 'policy.json',
    });
    expect(error.message).toContain('policy `policy.json` is invalid (2 issues)');
    expect(error.message).toContain('capabilities.allow[2]: bad pattern');
    expect(error.message).toContain('(root): expected object');
    expect(error.name).toBe('InvalidPolicyError');
  });
});

describe('LabelModificationError', () => {
  it.each([
    ['PROTECTED_LABEL_REMOVAL', 'secret', 'cannot remove protected label `secret`'],
    ['LABEL_PRIVILEGE_REQUIRED', 'pii', 'removing label `pii` requires privilege'],
    ['TRUST_CONFLICT', 'trusted', 'cannot add label `trusted`'],
  ] as const)('should explain %s', (code, label, text) => {
    const error = new LabelModificationError({ code, label });
    expect(error.message).toContain(text);
    expect(error.message).toContain(code);
    expect(error.code).toBe(code);
    expect(LabelModificationError.isInstance(error)).toBe(true);
  });
});
