import { describe, expect, it } from 'vitest';
import { loadCorpus } from './helpers/load-corpus.js';
import { runCase } from './helpers/run-case.js';

const MIN_CASES = 80;
const files = loadCorpus();
const all = files.flatMap((file) => file.cases.map((item) => ({ file: file.file, item })));

describe('policy corpus (test/corpus/*.json)', () => {
  it(`should hold at least ${MIN_CASES} cases`, () => {
    expect(all.length).toBeGreaterThanOrEqual(MIN_CASES);
  });

  it('should give every case a unique name', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { file, item } of all) {
      const previous = seen.get(item.name);
      if (previous !== undefined) duplicates.push(`${item.name} (${previous} and ${file})`);
      seen.set(item.name, file);
    }
    expect(duplicates).toEqual([]);
  });

  for (const { file, cases } of files) {
    describe(file, () => {
      for (const item of cases) {
        it(`should pass case ${item.name}`, () => {
          const outcomes = runCase(item);
          expect(outcomes.length).toBeGreaterThan(0);
          for (const outcome of outcomes) {
            expect(outcome.actual, `case ${item.name} (${file})${item.description === undefined ? '' : `: ${item.description}`}\n  ${outcome.context}`).toEqual(outcome.expected);
          }
        });
      }
    });
  }
});
