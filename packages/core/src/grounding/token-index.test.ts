import { describe, expect, it } from 'vitest';
import { createTokenIndex } from './token-index.js';
import { tokenize } from './tokenize.js';

function indexOf(texts: Record<string, string>) {
  const index = createTokenIndex<string>();
  for (const [owner, text] of Object.entries(texts)) index.add(owner, text, tokenize(text));
  return (value: string): string[] => {
    const found = new Set<string>();
    index.find(value, found);
    return [...found].sort();
  };
}

describe('createTokenIndex', () => {
  const find = indexOf({
    hotel: 'We stay at the Riverside View Hotel, near the river.',
    paths: 'backup written to /srv/backups/latest.tar (2 GB)',
    report: 'Attached: Q3   report.pdf\nand Q4 report.pdf.draft',
    ids: 'ticket A-123 and A-12; see #42 and x#43',
    spacing: 'a - b and ( 40 )',
  });

  it.each([
    ['Riverside View Hotel', ['hotel']],
    ['Riverside View', ['hotel']],
    ['Riverside view Hotel', []],
    ['View Hotel, near', ['hotel']],
    ['/srv/backups/latest.tar', ['paths']],
    ['srv/backups', []],
    ['Q3 report.pdf', ['report']],
    ['Q4 report.pdf', []],
    ['A-12', ['ids']],
    ['A-1', []],
    ['#42', ['ids']],
    ['#43', []],
    ['a - b', ['spacing']],
    ['a -b', []],
    ['( 40 )', ['spacing']],
    ['(40)', []],
    ['missing words', []],
  ])('should find %j as a whole value in %j', (value, expected) => {
    expect(find(value)).toEqual(expected);
  });

  it('should verify only the positions of the rarest word', () => {
    const index = createTokenIndex<number>();
    const common = 'the '.repeat(1_000);
    index.add(1, `${common} zebra crossing`, tokenize(`${common} zebra crossing`));
    index.add(2, 'a zebra', tokenize('a zebra'));
    const stats = { candidates: 0 };
    const found = new Set<number>();
    index.find('the zebra crossing', found, stats);
    expect([...found]).toEqual([1]);
    expect(stats.candidates).toBe(1);
  });

  it('should not verify an owner again once it has been found', () => {
    const index = createTokenIndex<string>();
    index.add('f', 'x x x x', tokenize('x x x x'));
    const stats = { candidates: 0 };
    index.find('x', new Set(), stats);
    expect(stats.candidates).toBe(1);
  });
});
