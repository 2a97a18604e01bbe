import { describe, expect, it } from 'vitest';
import { sessionStorage } from './session-storage.js';

describe('sessionStorage', () => {
  it('should keep one storage on globalThis so duplicate installs share it', () => {
    const storage = sessionStorage();
    expect(sessionStorage()).toBe(storage);
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('labelflow.session-storage')]).toBe(storage);
  });
});
