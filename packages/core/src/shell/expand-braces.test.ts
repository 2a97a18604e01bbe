import { describe, expect, it } from 'vitest';
import { expandBraces, MAX_BRACE_WORDS } from './expand-braces.js';
import { UncertainSyntax } from './uncertain-syntax.js';

const unquoted = (text: string) => ({ text, mask: 'u'.repeat(text.length) });
const expand = (text: string) => expandBraces(unquoted(text)).map((word) => word.text);

describe('expandBraces', () => {
  it.each([
    ['a{b,c}d', ['abd', 'acd']],
    ['{a,b}{1,2}', ['a1', 'a2', 'b1', 'b2']],
    ['x{a,{b,c}}', ['xa', 'xb', 'xc']],
    ['{1..3}', ['1', '2', '3']],
    ['{3..1}', ['3', '2', '1']],
    ['{01..03}', ['01', '02', '03']],
    ['{1..10..4}', ['1', '5', '9']],
    ['{a..c}', ['a', 'b', 'c']],
    ['{a}', ['{a}']],
    ['{}', ['{}']],
    ['{a..1}', ['{a..1}']],
    ['plain', ['plain']],
    ['~/.{ssh,aws}/id_rsa', ['~/.ssh/id_rsa', '~/.aws/id_rsa']],
  ])('should expand %j', (text, expected) => {
    expect(expand(text)).toEqual(expected);
  });

  it('should leave quoted braces and commas alone', () => {
    expect(expandBraces({ text: '{a,b}', mask: 'qqqqq' }).map((word) => word.text)).toEqual(['{a,b}']);
    expect(expandBraces({ text: '{a,b}', mask: 'uuquu' }).map((word) => word.text)).toEqual(['{a,b}']);
  });

  it('should refuse an expansion with too many words', () => {
    expect(() => expand(`{1..${MAX_BRACE_WORDS * 2}}`)).toThrow(UncertainSyntax);
    expect(() => expand('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}')).toThrow(UncertainSyntax);
  });
});
