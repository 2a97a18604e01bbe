import { describe, expect, it } from 'vitest';
import { makeDescriptor, type Descriptor } from '../labels/index.js';
import { createContentIndex, type ContentIndexStats } from './content-index.js';

const USER = makeDescriptor({ labels: ['trusted'], taint: ['src:user'] });
const INBOX = makeDescriptor({ labels: ['untrusted'], taint: ['src:tool:read_inbox'] });

describe('createContentIndex', () => {
  describe('cost', () => {
    // Counting verified candidates, not timing: a lookup must not do more work because unrelated fragments exist.
    function candidatesAfter(unrelated: number, descriptor: Descriptor): number[] {
      const stats: ContentIndexStats = { lookups: 0, candidates: 0, indexedFragments: 0 };
      const index = createContentIndex({ stats });
      for (let fragment = 0; fragment < 10; fragment += 1) {
        index.register({ id: `R${fragment}`, content: `Stay at Riverside View Hotel ${fragment}, pay 40 EUR to ann@corp.io`, descriptor: fragment % 2 === 0 ? USER : INBOX });
      }
      for (let fragment = 0; fragment < unrelated; fragment += 1) {
        // Similar words in other case, other numbers and addresses: nothing any lookup below looks for.
        const name = 'u' + fragment.toString(26).replace(/\d/g, (digit) => 'qrstuvwxyz'[Number(digit)] ?? 'q');
        index.register({ id: `U${fragment}`, content: `note ${name}: the river view at hotel ${fragment + 100} is riverside, ${name}@corp.io`, descriptor });
      }
      const counts: number[] = [];
      for (const value of ['Riverside View Hotel', 40, 'ann@corp.io', 'mallory@evil.io', 'Riverside View Motel', 'View Hotel 3']) {
        const before = stats.candidates;
        index.lookup(value);
        counts.push(stats.candidates - before);
      }
      return counts;
    }

    it.each([[USER], [INBOX]])('should verify as many candidates with 10,000 unrelated fragments as with none (%#)', (descriptor) => {
      expect(candidatesAfter(10_000, descriptor)).toEqual(candidatesAfter(0, descriptor));
    });
  });
});
