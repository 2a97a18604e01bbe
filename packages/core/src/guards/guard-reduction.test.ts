import { describe, expect, it } from 'vitest';
import { reduction } from './guard-reduction.js';

describe('reduction', () => {
  it('should build frozen reductions of each kind', () => {
    const deny = reduction.deny({ guard: 'g', reason: 'no', code: 'guard-denied' });
    const retry = reduction.retry({ hints: ['a'], guards: ['g'] });
    const next = reduction.continue({ relabels: [], ran: ['g'], liftedBy: 'g' });
    expect(deny).toEqual({ type: 'deny', guard: 'g', reason: 'no', code: 'guard-denied' });
    expect(retry).toEqual({ type: 'retry', hints: ['a'], guards: ['g'] });
    expect(next).toEqual({ type: 'continue', relabels: [], ran: ['g'], liftedBy: 'g' });
    for (const value of [deny, retry, retry.hints, next, next.ran]) expect(Object.isFrozen(value)).toBe(true);
  });

  it('should copy the lists it is given', () => {
    const hints = ['a'];
    const retry = reduction.retry({ hints, guards: ['g'] });
    hints.push('b');
    expect(retry.hints).toEqual(['a']);
  });
});
