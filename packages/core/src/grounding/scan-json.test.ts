import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJson } from './scan-json.js';

function acceptedByJsonParse(text: string): boolean {
  try {
    JSON.parse(text);
  } catch {
    return false;
  }
  return /^[ \t\n\r]*[[{]/u.test(text);
}

// Strings of JSON's own alphabet, so that most are nearly JSON and the scanner's every branch is reached.
const TOKENS = ['{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '1', '-', '+', '.', 'e', 'E', 'true', 'false', 'null', 'tru', ' ', '\n', '\t', '\u00a0', '\u0001', 'a', '"a"', '"\\n"', '"\\u00e9"', '"\\x"', '12', '01', '1.', '.5', '1e', '1e+5'];
const nearlyJson = fc.array(fc.constantFrom(...TOKENS), { maxLength: 16 }).map((tokens) => tokens.join(''));
const json = fc.jsonValue().map((value) => JSON.stringify(value, null, 1));

describe('scanJson', () => {
  it('should accept exactly the objects and arrays JSON.parse accepts', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyJson, json, fc.string({ maxLength: 12 })), (text) => {
        expect(scanJson(text) !== undefined).toBe(acceptedByJsonParse(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('should locate every string and number literal', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue())), (value) => {
        const text = JSON.stringify(value);
        const literals = scanJson(text);
        if (literals === undefined) throw new Error(`rejected ${text}`);
        const strings: string[] = [];
        for (let index = 0; index < literals.strings.length; index += 3) {
          strings.push(JSON.parse(text.slice((literals.strings[index] as number) - 1, (literals.strings[index + 1] as number) + 1)) as string);
          expect(literals.strings[index + 2]).toBe(text.slice(literals.strings[index], literals.strings[index + 1]).includes('\\') ? 1 : 0);
        }
        const numbers: number[] = [];
        for (let index = 0; index < literals.numbers.length; index += 2) numbers.push(Number(text.slice(literals.numbers[index], literals.numbers[index + 1])));
        const expectedStrings: string[] = [];
        const expectedNumbers: number[] = [];
        const visit = (field: unknown): void => {
          if (typeof field === 'string') expectedStrings.push(field);
          else if (typeof field === 'number') expectedNumbers.push(field);
          else if (Array.isArray(field)) field.forEach(visit);
          else if (typeof field === 'object' && field !== null) {
            for (const [key, inner] of Object.entries(field)) {
              expectedStrings.push(key);
              visit(inner);
            }
          }
        };
        visit(JSON.parse(text));
        expect(strings.sort()).toEqual(expectedStrings.sort());
        expect(numbers.sort()).toEqual(expectedNumbers.sort());
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['{"to":"a\\nb","n":[40]}', { strings: [2, 4, 0, 7, 11, 1, 14, 15, 0], numbers: [18, 20] }],
    [' [ ] ', { strings: [], numbers: [] }],
    ['{"a":"x","a":-0.5e-3}', { strings: [2, 3, 0, 6, 7, 0, 10, 11, 0], numbers: [13, 20] }],
  ])('should scan %j', (text, expected) => {
    expect(scanJson(text)).toEqual(expected);
  });

  it.each([['[1,]'], ['{"a":1,}'], ['{"a"}'], ['[01]'], ['["\t"]'], ['["\\x"]'], ['[1] 2'], ['"s"'], ['40'], [''], ['[']])('should refuse %j', (text) => {
    expect(scanJson(text)).toBeUndefined();
  });

  it('should scan deep nesting without recursion', () => {
    const depth = 200_000;
    expect(scanJson(`${'['.repeat(depth)}"deep"${']'.repeat(depth)}`)?.strings).toEqual([depth + 1, depth + 5, 0]);
    expect(scanJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth))?.numbers).toHaveLength(2);
  });
});
