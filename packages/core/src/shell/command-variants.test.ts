import { describe, expect, it } from 'vitest';
import type { Invocation } from './command-analysis.js';
import { commandVariants } from './command-variants.js';

const variants = (...words: string[]) =>
  commandVariants({ bin: words[0] as string, words, via: [], input: 'none', risks: [] } satisfies Invocation, { homeDir: '/home/u' });

describe('commandVariants', () => {
  it.each([
    [['rm', '-rfv', '~'], ['rm', '-r', '-f', '-v', '~']],
    [['rm', '--rec', '--for', '/'], ['rm', '--recursive', '--force', '/']],
    [['rm', '-r', '$HOME/'], ['rm', '-r', '~']],
    [['rm', '-r', '/home/u'], ['rm', '-r', '~']],
    [['rm', '-r', '//'], ['rm', '-r', '/']],
    [['rm', '-r', '/./'], ['rm', '-r', '/']],
    [['chmod', '-Rv', '777', '/'], ['chmod', '-R', '-v', '777', '/']],
    [['rm', '-r', '~/../u/'], ['rm', '-r', '~/u']],
  ])('should add a normalised copy of %j', (words, normalised) => {
    expect(variants(...words)).toEqual([words, normalised]);
  });

  it('should add nothing when the words are already normal or the program is not listed', () => {
    expect(variants('rm', '-r', 'build')).toEqual([['rm', '-r', 'build']]);
    expect(variants('tar', '-xzf', 'a.tgz')).toEqual([['tar', '-xzf', 'a.tgz']]);
    expect(variants('rm', '--bogus', 'x')).toEqual([['rm', '--bogus', 'x']]);
  });
});
