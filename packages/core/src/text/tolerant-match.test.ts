import { describe, expect, it } from 'vitest';
import { isNullLike, tolerantMatch } from './tolerant-match.js';

describe('tolerantMatch', () => {
  it.each([
    // mlld's table for pinned recipients.
    [['alice'], ['alice', 'bob'], true],
    [['mallory'], ['alice', 'bob'], false],
    ['bob, alice', ['alice', 'bob'], true],
    [['alice', 'bob', 'eve'], ['alice', 'bob'], false],
  ])('should follow mlld: %j ~= %j is %s', (actual, expected, result) => {
    expect(tolerantMatch(actual, expected)).toBe(result);
  });

  it.each([
    ['alice', 'alice', true],
    ['alice', 'Alice', false],
    ['alice', 'alice ', false],
    ['alice', ['alice'], true],
    [['alice'], 'alice', true],
    ['alice', ['alice', 'bob'], true],
    [['bob', 'alice'], ['alice', 'bob'], true],
    [['alice', 'alice'], ['alice', 'bob'], true],
    [['alice', 'bob'], 'alice', false],
    ['alice,bob', 'bob, alice', true],
    ['alice, mallory', 'alice, bob', false],
    ['alice,', ['alice'], false],
    ['a,b', ['a,b'], true],
    ['a,b', ['a', 'b'], true],
    [['a, b'], ['a', 'b'], false],
  ])('should compare the strings and lists %j ~= %j as %s', (actual, expected, result) => {
    expect(tolerantMatch(actual, expected)).toBe(result);
  });

  it.each([
    ['40', 40, true],
    [40, '40', true],
    ['40.0', 40, true],
    ['4e1', 40, true],
    ['+40.00', 40, true],
    ['-0', 0, true],
    ['.5', 0.5, true],
    [40, 40.0, true],
    [['40'], [40, 41], true],
    ['40, 41', [41, 40], true],
    [[40, '41'], ['40', 41], true],
    ['41', 40, false],
    ['40.0', '40', false],
    ['40', '40', true],
    [' 40', 40, false],
    ['', 0, false],
    ['0x28', 40, false],
    ['Infinity', Infinity, false],
    [Number.NaN, Number.NaN, false],
    ['9007199254740993', 9007199254740992, false],
    ['0.1000000000000000055511151231257827', 0.1, false],
    ['1e999999999999999999', 1, false],
  ])('should compare the numbers %j ~= %j as %s', (actual, expected, result) => {
    expect(tolerantMatch(actual, expected)).toBe(result);
  });

  it.each([
    [null, null, true],
    [undefined, null, true],
    [[], null, true],
    ['null', undefined, true],
    [null, [], true],
    [null, 'null', true],
    ['', null, false],
    [0, null, false],
    [false, null, false],
    [['alice'], [], false],
    [null, ['alice'], false],
    [[], ['alice'], false],
    ['null', ['alice'], false],
    [undefined, 'alice', false],
  ])('should treat empty-like values %j ~= %j as %s', (actual, expected, result) => {
    expect(tolerantMatch(actual, expected)).toBe(result);
  });

  it.each([
    [true, true, true],
    [false, false, true],
    [true, false, false],
    ['true', true, false],
    [1, true, false],
    [[true], [true, false], true],
  ])('should compare the booleans %j ~= %j as %s', (actual, expected, result) => {
    expect(tolerantMatch(actual, expected)).toBe(result);
  });

  it.each([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: 1, b: 2 }, { a: 1 }, false],
    [{ a: '1' }, { a: 1 }, false],
    [{ a: [2, 1] }, { a: [1, 2] }, false],
    [{ a: undefined }, {}, false],
    [[{ id: 1 }], [{ id: 1 }, { id: 2 }], true],
    [[{ id: 3 }], [{ id: 1 }, { id: 2 }], false],
    [new Date(0), new Date(0), false],
    [{ a: 1 }, 'a', false],
  ])('should compare the objects %j ~= %j as %s', (actual, expected, result) => {
    expect(tolerantMatch(actual, expected)).toBe(result);
  });

  it('should match the same non-plain object only by identity', () => {
    const when = new Date(0);
    expect(tolerantMatch(when, when)).toBe(true);
  });

  it.each([
    [1n, 1],
    [Symbol.for('a'), 'a'],
    [() => 'a', 'a'],
  ])('should never match other types (%s)', (actual, expected) => {
    expect(tolerantMatch(actual, expected)).toBe(false);
  });

  it('should not match cyclic structures', () => {
    const left: Record<string, unknown> = { a: 1 };
    left.self = left;
    const right: Record<string, unknown> = { a: 1 };
    right.self = right;
    expect(tolerantMatch(left, right)).toBe(false);
    expect(tolerantMatch(left, left)).toBe(false);
  });

  it('should not match structures deeper than 64 levels', () => {
    const nest = (levels: number): unknown => {
      let value: unknown = 'x';
      for (let level = 0; level < levels; level += 1) value = { next: value };
      return value;
    };
    expect(tolerantMatch(nest(60), nest(60))).toBe(true);
    expect(tolerantMatch(nest(100_000), nest(100_000))).toBe(false);
  });

  it('should compare shared sub-objects once per pair', () => {
    // 64 levels of [x, x] are 2^64 paths, but only 64 distinct pairs.
    const build = (): unknown => {
      let value: unknown = { leaf: true };
      for (let level = 0; level < 63; level += 1) value = { left: value, right: value };
      return value;
    };
    expect(tolerantMatch(build(), build())).toBe(true);
  });

  it('should reject sparse arrays without walking their length', () => {
    const sparse: string[] = [];
    sparse.length = 2 ** 31;
    sparse[5] = 'alice';
    expect(tolerantMatch(sparse, ['alice'])).toBe(false);
    expect(tolerantMatch(['alice'], sparse)).toBe(false);
  });

  it('should return false when a getter or proxy throws', () => {
    const hostile = new Proxy(['alice'], {
      getOwnPropertyDescriptor() {
        throw new Error('boom');
      },
    });
    expect(tolerantMatch(hostile, ['alice'])).toBe(false);
    const getter = Object.defineProperty({}, 'a', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(tolerantMatch(getter, { a: 1 })).toBe(false);
  });

  it('should finish on long lists', () => {
    const expected = Array.from({ length: 100_000 }, (_, index) => `user${index}`);
    const actual = [...expected].reverse();
    expect(tolerantMatch(actual, expected)).toBe(true);
    expect(tolerantMatch([...actual, 'mallory'], expected)).toBe(false);
    expect(tolerantMatch(expected.join(','), expected)).toBe(true);
  });
});

describe('isNullLike', () => {
  it.each([[null], [undefined], [[]], ['null']])('should treat %j as null-like', (value) => {
    expect(isNullLike(value)).toBe(true);
  });

  it.each([[''], [0], [false], ['NULL'], [' null'], [{}], [[null]], [Number.NaN]])('should not treat %j as null-like', (value) => {
    expect(isNullLike(value)).toBe(false);
  });
});

describe('tolerantMatch with single numbers', () => {
  it('should treat a single number like a one-element list, as it does a single string', () => {
    expect(tolerantMatch(11, [11, 12])).toBe(true);
    expect(tolerantMatch('11', [11, 12])).toBe(true);
    expect(tolerantMatch(13, [11, 12])).toBe(false);
    expect(tolerantMatch(true, [true])).toBe(true);
  });
});
