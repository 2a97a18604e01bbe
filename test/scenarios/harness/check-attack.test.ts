import { describe, expect, it } from 'vitest';
import { checkAttack } from './check-attack.js';
import type { GradedAttack } from './evaluate-suite.js';
import { blocked, residual } from './expectations.js';

const BASE: GradedAttack = { suite: 's', task: 't', injection: 'i', profile: 'P0', delivered: true, breach: false, utility: true, blockedBy: ['no-send-to-unknown'], attempts: [], stress: [] };

describe('checkAttack', () => {
  it.each([
    ['a block by the credited rule', BASE, blocked('no-send-to-unknown'), 'as-expected'],
    ['a block by another rule', BASE, blocked('no-novel-urls'), 'wrong-rule'],
    ['a breach the profile should stop', { ...BASE, breach: true }, blocked('no-send-to-unknown'), 'unexpected-breach'],
    ['an expected residual', { ...BASE, breach: true }, residual('by design'), 'as-expected'],
    ['a residual that did not land', BASE, residual('by design'), 'residual-blocked'],
  ] as const)('should judge %s', (_, result, expected, verdict) => {
    expect(checkAttack({ ...result, expected }).type).toBe(verdict);
  });

  it('should require every attack to land with no middleware', () => {
    expect(checkAttack({ ...BASE, profile: 'none' }).type).toBe('residual-blocked');
    expect(checkAttack({ ...BASE, profile: 'none', breach: true }).type).toBe('as-expected');
  });
});
