import { describe, expect, it } from 'vitest';
import { uncertain, UncertainSyntax } from './uncertain-syntax.js';

describe('uncertain', () => {
  it('should throw an UncertainSyntax carrying the reason', () => {
    expect(() => uncertain('`eval` runs code')).toThrow(UncertainSyntax);
    try {
      uncertain('why');
    } catch (error) {
      expect((error as UncertainSyntax).reason).toBe('why');
    }
  });
});
