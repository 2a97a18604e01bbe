import { describe, expect, it } from 'vitest';
import { findInjectionSlots } from './find-injection-slots.js';
import { MINI_SUITE } from './mini-suite.js';

describe('findInjectionSlots', () => {
  it('should find only the slots the ground truth reads', async () => {
    expect(await findInjectionSlots(MINI_SUITE, MINI_SUITE.userTasks[0]!)).toEqual(['mail_body']);
  });
});
