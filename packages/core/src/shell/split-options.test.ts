import { describe, expect, it } from 'vitest';
import type { ShellWord } from './shell-word.js';
import { optionValue, splitOptions } from './split-options.js';

const words = (text: string): ShellWord[] => text.split(' ').map((value) => ({ source: value, value, glob: undefined, home: false }));
const values = (list: readonly ShellWord[]) => list.map((word) => word.value);

describe('splitOptions', () => {
  it('should stop at the first operand by default', () => {
    const { options, rest } = splitOptions(words('-n 10 -x rm -rf x'), { withValue: ['-n'] });
    expect(options.map((option) => [option.name, option.value === undefined ? undefined : optionValue(option)])).toEqual([
      ['-n', '10'],
      ['-x', undefined],
    ]);
    expect(values(rest)).toEqual(['rm', '-rf', 'x']);
  });

  it('should read clustered flags and attached values', () => {
    const { options } = splitOptions(words('-xvf archive -n10 --user=me --group staff'), { withValue: ['-f', '-n', '--group'] });
    expect(options.map((option) => [option.name, optionValue(option)])).toEqual([
      ['-x', undefined],
      ['-v', undefined],
      ['-f', 'archive'],
      ['-n', '10'],
      ['--user', 'me'],
      ['--group', 'staff'],
    ]);
  });

  it('should end options at -- and keep - as an operand', () => {
    expect(values(splitOptions(words('-a -- -b c')).rest)).toEqual(['-b', 'c']);
    expect(values(splitOptions(words('- x')).rest)).toEqual(['-', 'x']);
  });

  it('should read options after operands when asked', () => {
    const { options, rest } = splitOptions(words('a -o out b'), { withValue: ['-o'], stopAtOperand: false });
    expect(options.map((option) => option.name)).toEqual(['-o']);
    expect(values(rest)).toEqual(['a', 'b']);
  });

  it('should treat a computed word as an operand', () => {
    const computed: ShellWord = { source: '$X', value: undefined, glob: undefined, home: false };
    expect(splitOptions([computed, ...words('rm')]).rest).toHaveLength(2);
  });
});
