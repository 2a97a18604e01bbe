import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_GRAM, createTokenIndex, MAX_GRAM } from './token-index.js';
import { tokenize } from './tokenize.js';

function indexOf(texts: readonly string[]) {
  const index = createTokenIndex();
  texts.forEach((text, owner) => index.add(owner, text, tokenize(text)));
  return (value: string): number[] => {
    const found = new Set<number>();
    index.find(value, found);
    return [...found].sort((a, b) => a - b);
  };
}

function candidates(index: ReturnType<typeof createTokenIndex>, value: string): { found: number[]; candidates: number } {
  const stats = { candidates: 0 };
  const found = new Set<number>();
  index.find(value, found, stats);
  return { found: [...found].sort((a, b) => a - b), candidates: stats.candidates };
}

describe('createTokenIndex', () => {
  const find = indexOf([
    'We stay at the Riverside View Hotel, near the river.',
    'backup written to /srv/backups/latest.tar (2 GB)',
    'Attached: Q3   report.pdf\nand Q4 report.pdf.draft',
    'ticket A-123 and A-12; see #42 and x#43',
    'a - b and ( 40 )',
  ]);

  it.each([
    ['Riverside View Hotel', [0]],
    ['Riverside View', [0]],
    ['Riverside view Hotel', []],
    ['View Hotel, near', [0]],
    ['/srv/backups/latest.tar', [1]],
    ['srv/backups', []],
    ['Q3 report.pdf', [2]],
    ['Q4 report.pdf', []],
    ['A-12', [3]],
    ['A-1', []],
    ['#42', [3]],
    ['#43', []],
    ['a - b', [4]],
    ['a -b', []],
    ['( 40 )', [4]],
    ['(40)', []],
    ['missing words', []],
  ])('should find %j as a whole value in %j', (value, expected) => {
    expect(find(value)).toEqual(expected);
  });

  it('should verify only the positions of the rarest word', () => {
    const index = createTokenIndex();
    const common = 'the '.repeat(1_000);
    index.add(1, `${common} zebra crossing`, tokenize(`${common} zebra crossing`));
    index.add(2, 'a zebra', tokenize('a zebra'));
    expect(candidates(index, 'the zebra crossing')).toEqual({ found: [1], candidates: 1 });
  });

  it('should not verify an owner again once it has been found', () => {
    const index = createTokenIndex();
    index.add(0, 'x x x x', tokenize('x x x x'));
    expect(candidates(index, 'x').candidates).toBe(1);
  });

  it('should stop at the first word the index does not hold', () => {
    const index = createTokenIndex();
    index.add(0, 'alpha beta', tokenize('alpha beta'));
    expect(candidates(index, 'alpha gamma beta')).toEqual({ found: [], candidates: 0 });
  });

  describe('values made of common words', () => {
    // Every text holds three of five common words in some order: each word, and each pair, is in many texts.
    const vocabulary = ['review', 'the', 'attached', 'meeting', 'invoice'];
    function corpus(size: number): ReturnType<typeof createTokenIndex> {
      const index = createTokenIndex();
      for (let owner = 0; owner < size; owner += 1) {
        const text = [0, 1, 2].map((at) => vocabulary[(owner * (at + 3) + at * at + Math.floor(owner / 7)) % 5]).join(' ');
        index.add(owner, `INV-${owner} ${text}`, tokenize(`INV-${owner} ${text}`));
      }
      return index;
    }

    it.each([[100], [2_000], [20_000]])('should verify few positions however many texts share the words (%i texts)', (size) => {
      const index = corpus(size);
      expect(candidates(index, 'review the attached meeting invoice').candidates).toBeLessThanOrEqual(COMMON_GRAM);
      for (const value of ['the attached meeting', 'invoice review the', 'meeting the invoice']) {
        expect(candidates(index, value).candidates).toBeLessThanOrEqual(COMMON_GRAM);
      }
    });

    it('should still find a common gram in every text that holds it, including texts added before it was common', () => {
      const index = createTokenIndex();
      const texts: string[] = [];
      for (let owner = 0; owner < 3 * COMMON_GRAM; owner += 1) {
        const text = owner % 3 === 0 ? `a b c d e ${owner}` : `a b c d ${owner} e`;
        texts.push(text);
        index.add(owner, text, tokenize(text));
      }
      const expected = texts.flatMap((text, owner) => (text.includes('a b c d e') ? [owner] : []));
      expect(candidates(index, 'a b c d e').found).toEqual(expected);
      expect(candidates(index, 'b c d e').found).toEqual(expected);
      expect(candidates(index, 'a b c d').found).toHaveLength(texts.length);
    });
  });

  it('should post a long repeated text at most MAX_GRAM times per word', () => {
    const index = createTokenIndex();
    const text = 'spam '.repeat(10_000);
    index.add(0, text, tokenize(text));
    const { found, candidates: verified } = candidates(index, 'spam '.repeat(MAX_GRAM + 3).trim());
    expect(found).toEqual([0]);
    expect(verified).toBe(1);
  });

  it.each([[0x7], [0xf], [0x3f]])('should give the same answers when keys collide (key mask %i)', (keyMask) => {
    const word = fc.constantFrom('aa', 'bb', 'cc', 'dd', 'ee');
    const separator = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '-', ', ');
    const text = fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 14 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(text, { minLength: 1, maxLength: 16 }),
        fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { maxLength: 30 }),
        (seed, texts, values) => {
          const plain = createTokenIndex({ seed });
          const colliding = createTokenIndex({ seed, keyMask });
          texts.forEach((value, owner) => {
            const tokens = tokenize(value, undefined, seed);
            plain.add(owner, value, tokens);
            colliding.add(owner, value, tokens);
          });
          for (const words of values) {
            const value = words.join(' ');
            expect(candidates(colliding, value).found).toEqual(candidates(plain, value).found);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
