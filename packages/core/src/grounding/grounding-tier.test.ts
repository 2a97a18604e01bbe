import { describe, expect, it } from 'vitest';
import { createGroundingTier } from './grounding-tier.js';

describe('createGroundingTier', () => {
  const first = { content: 'refund 40 EUR to Ann@corp.io at the Riverside View Hotel' };
  const second = { content: '{"amounts":[40,500],"to":"ann@corp.io"}' };
  const tier = createGroundingTier<{ content: string }>();
  tier.add(first);
  tier.add(second);
  tier.add(first);

  it.each([
    ['number', '40', [first, second]],
    ['number', '500', [second]],
    ['email', 'ann@corp.io', [first, second]],
    ['text', 'Riverside View Hotel', [first]],
    ['text', 'amounts', [second]],
    ['number', '4', []],
  ] as const)('should find %s %j in the fragments that hold it, in order', (kind, canonical, expected) => {
    expect(tier.find({ kind, canonical })).toEqual(expected);
  });

  it('should count the value-map entries a lookup reads', () => {
    const stats = { candidates: 0 };
    tier.find({ kind: 'number', canonical: '40' }, stats);
    expect(stats.candidates).toBe(2);
  });

  it('should find every value of records that repeat their keys and values, each fragment once', () => {
    const records = { content: JSON.stringify([1, 2, 3].map((n) => ({ to: 'me@corp.io', date: '2026-05-21', note: `visit ${n} of 3` }))) };
    const other = createGroundingTier<{ content: string }>();
    other.add(records);
    expect(other.find({ kind: 'email', canonical: 'me@corp.io' })).toEqual([records]);
    expect(other.find({ kind: 'text', canonical: 'date' })).toEqual([records]);
    expect(other.find({ kind: 'text', canonical: 'visit 3 of 3' })).toEqual([records]);
    expect(other.find({ kind: 'text', canonical: '2026-05-21' })).toEqual([records]);
  });
});
