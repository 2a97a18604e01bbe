import { describe, expect, it } from 'vitest';
import { LabelflowError } from '../errors/labelflow-error.js';
import { SigningError } from './signing-error.js';

describe('SigningError', () => {
  it('should be recognised by marker and keep its cause', () => {
    const cause = new Error('EACCES');
    const error = new SigningError({ message: 'cannot store the signature of `system`', cause });
    expect(SigningError.isInstance(error)).toBe(true);
    expect(LabelflowError.isInstance(error)).toBe(true);
    expect(SigningError.isInstance(new Error('x'))).toBe(false);
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('SigningError');
  });
});
