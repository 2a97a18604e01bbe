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
});
