import { describe, expect, it } from 'vitest';
import { compileGlob } from './compile-glob.js';

describe('compileGlob', () => {
  it.each([
    ['/home/u/.ssh/**', '/home/u/.ssh/id_rsa', false, true],
    ['/home/u/.ssh/**', '/home/u/.SSH/id_rsa', false, false],
    ['/home/u/.ssh/**', '/home/u/.SSH/id_rsa', true, true],
    ['**/.env*', '/work/app/.env.local', false, true],
    ['**/.env*', '/.env', false, true],
    ['/work/app/src/**', '/work/app/src/a/b.ts', false, true],
    ['/work/app/src/**', '/work/app/src/../secret', false, false],
    ['/work/app/*.ts', '/work/app/.hidden.ts', false, true],
    ['/x/{a,b}/c', '/x/b/c', false, true],
  ])('should compile %j so that %j matches: nocase %s → %s', (glob, path, nocase, expected) => {
    expect(compileGlob(glob, { nocase })?.match(path)).toBe(expected);
  });

  it('should treat a leading `!` and `#` as literal characters', () => {
    expect(compileGlob('!x', { nocase: false })?.match('!x')).toBe(true);
    expect(compileGlob('#x', { nocase: false })?.match('#x')).toBe(true);
  });

  it('should refuse a glob whose brace expansion would be cut short', () => {
    expect(compileGlob('/{a,b}'.repeat(10), { nocase: false })).toBeUndefined();
  });
});
