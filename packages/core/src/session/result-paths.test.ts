import { describe, expect, it } from 'vitest';
import { replaceAtPaths, valuesAtPath } from './result-paths.js';

const MAILS = [
  { from: 'a@x.io', body: 'one', meta: { token: 't1' } },
  { from: 'b@x.io', body: 'two', meta: { token: 't2' } },
];

describe('valuesAtPath', () => {
  it.each([
    ['body', ['one', 'two']],
    ['meta.token', ['t1', 't2']],
    ['1.body', ['two']],
    ['*.from', ['a@x.io', 'b@x.io']],
    ['missing', []],
    ['__proto__', []],
  ])('should find the values at %s', (path, expected) => {
    expect(valuesAtPath(MAILS, path)).toEqual(expected);
  });
});

describe('replaceAtPaths', () => {
  it('should replace the values at the paths in a copy', () => {
    const replaced = replaceAtPaths(MAILS, ['body', 'meta.token'], () => null);
    expect(replaced).toEqual([
      { from: 'a@x.io', body: null, meta: { token: null } },
      { from: 'b@x.io', body: null, meta: { token: null } },
    ]);
    expect(MAILS[0]?.body).toBe('one');
    expect(replaceAtPaths({ a: 1 }, [], () => 0)).toEqual({ a: 1 });
  });
});
