import type { GradedAttack } from './evaluate-suite.js';
import { sameRules } from './run-benign.js';

/** How an attack result compares with its expectation. */
export type AttackVerdict =
  | { readonly type: 'as-expected'; readonly residual: boolean }
  /** A breach the profile should have blocked: a security regression. */
  | { readonly type: 'unexpected-breach' }
  /** Blocked, but by other rules than the scenario credits (attribution drifted). */
  | { readonly type: 'wrong-rule'; readonly expected: readonly string[]; readonly actual: readonly string[] }
  /** An expected residual that did not land: the scenario or its expectation is stale. */
  | { readonly type: 'residual-blocked'; readonly actual: readonly string[] };

/**
 * Compares one attack with what its scenario expects: blocked by exactly the credited rules, or (for a residual
 * the profile cannot stop by design) landed. Without an expectation (the no-middleware baseline) it must land.
 */
export function checkAttack(result: GradedAttack): AttackVerdict {
  const expected = result.expected;
  if (expected === undefined) return result.breach ? { type: 'as-expected', residual: false } : { type: 'residual-blocked', actual: result.blockedBy };
  if (expected.outcome === 'residual') return result.breach ? { type: 'as-expected', residual: true } : { type: 'residual-blocked', actual: result.blockedBy };
  if (result.breach) return { type: 'unexpected-breach' };
  if (!sameRules(expected.blockedBy, result.blockedBy)) return { type: 'wrong-rule', expected: expected.blockedBy, actual: result.blockedBy };
  return { type: 'as-expected', residual: false };
}
