import { describe, expect, it } from 'vitest';
import { compileHostMatchers, compileMatcherSet, type ListKind } from './compile-matcher.js';

const CONTEXT = { homeDir: '/home/u', cwd: '/work/app' };
const UNKNOWN = { homeDir: undefined, cwd: undefined };

function commandMatches(pattern: string, kind: ListKind, command: string): boolean | undefined {
  return compileMatcherSet([pattern], kind, CONTEXT).cmd[0]?.matches(command.split(' '));
}

describe('compileMatcherSet', () => {
  describe('command patterns', () => {
    it.each([
      // [pattern, command, in allow, in deny / danger / opt-in]
      ['cmd:echo', 'echo', true, true],
      ['cmd:echo', 'echo hello world', true, true],
      ['cmd:git:status', 'git status', true, true],
      ['cmd:git:status', 'git status -s', false, true],
      ['cmd:git:push', 'git push origin main', false, true],
      ['cmd:git:push', 'git pull', false, false],
      ['cmd:git:*', 'git', true, true],
      ['cmd:git:*', 'gitk', false, false],
      ['cmd:git:*:--force', 'git push --force', true, true],
      ['cmd:git:*:--force', 'git push --force origin', false, true],
      ['cmd', 'anything goes', true, true],
      ['cmd:*:--force', 'git push --force', true, true],
    ])('should match %j against %j: allow %s, deny %s', (pattern, command, inAllow, inDeny) => {
      expect(commandMatches(pattern, 'allow', command)).toBe(inAllow);
      for (const kind of ['deny', 'danger', 'opt-in'] as const) expect(commandMatches(pattern, kind, command)).toBe(inDeny);
    });

    it.each([
      ['cmd', 0],
      ['cmd:*', 0],
      ['cmd:git', 1],
      ['cmd:git:*', 1],
      ['cmd:git:push', 2],
      ['cmd:git:push:*:--force', 3],
    ])('should give %j the specificity %i', (pattern, specificity) => {
      expect(compileMatcherSet([pattern], 'deny', CONTEXT).cmd[0]?.specificity).toBe(specificity);
    });
  });

  describe('tool patterns', () => {
    it.each([
      ['tool:*', 0],
      ['tool:send_email', 10],
      ['tool:send_*', 5],
      ['tool:read_?', 5],
    ])('should give %j the specificity %i', (pattern, specificity) => {
      expect(compileMatcherSet([pattern], 'allow', CONTEXT).tool[0]?.specificity).toBe(specificity);
    });

    it('should ignore tool patterns in danger lists', () => {
      expect(compileMatcherSet(['tool:*'], 'opt-in', CONTEXT).tool).toEqual([]);
    });
  });

  describe('filesystem patterns', () => {
    it.each([
      ['fs:r:/x/**', 'allow', 1, 0],
      ['fs:w:/x/**', 'allow', 1, 1],
      ['fs:rw:/x/**', 'allow', 1, 1],
      ['fs:r:/x/**', 'deny', 1, 0],
      ['fs:w:/x/**', 'deny', 0, 1],
      ['fs:rw:/x/**', 'deny', 1, 1],
      ['fs:w:/x/**', 'danger', 0, 1],
      ['fs:w:/x/**', 'opt-in', 0, 1],
    ])('should file %j in a %s list under %i read and %i write matchers', (pattern, kind, reads, writes) => {
      const set = compileMatcherSet([pattern], kind as ListKind, CONTEXT);
      expect([set.read.length, set.write.length]).toEqual([reads, writes]);
    });

    it.each([
      ['allow', false],
      ['opt-in', false],
      ['deny', true],
      ['danger', true],
    ] as const)('should compare case only outside narrowing lists (%s ignores case: %s)', (kind, ignoresCase) => {
      expect(compileMatcherSet(['fs:rw:~/.ssh/**'], kind, CONTEXT).write[0]?.matches('/home/u/.SSH/id_rsa')).toBe(ignoresCase);
    });

    it('should treat glob characters in the working directory literally', () => {
      const set = compileMatcherSet(['fs:r:./src/**'], 'allow', { homeDir: '/home/u', cwd: '/work/[app]{x,y}' });
      expect(set.read[0]?.matches('/work/[app]{x,y}/src/a.ts')).toBe(true);
      expect(set.read[0]?.matches('/work/a/src/a.ts')).toBe(false);
    });

    it('should match nothing for an allow and anywhere for a deny when the home directory is unknown', () => {
      expect(compileMatcherSet(['fs:r:~/**'], 'allow', UNKNOWN).read[0]?.matches('/home/u/x')).toBe(false);
      expect(compileMatcherSet(['fs:r:~/.ssh/**'], 'danger', UNKNOWN).read[0]?.matches('/root/.ssh/id_rsa')).toBe(true);
    });
  });

  describe('patterns that do not parse', () => {
    it.each([
      ['tool:', ['tool']],
      ['cmd:a::b', ['cmd']],
      ['fs:x:/tmp', ['read', 'write']],
      ['nonsense', ['tool', 'cmd', 'read', 'write']],
    ])('should file %j under %j', (pattern, dimensions) => {
      const set = compileMatcherSet([pattern], 'allow', CONTEXT);
      expect(Object.entries(set).flatMap(([dimension, matchers]) => (matchers.length > 0 ? [dimension] : []))).toEqual(dimensions);
    });

    it.each(['allow', 'opt-in'] as const)('should match nothing in a %s list', (kind) => {
      const matcher = compileMatcherSet(['nonsense'], kind, CONTEXT).tool[0];
      expect(matcher?.matches('anything' as never)).toBe(false);
    });

    it.each(['deny', 'danger'] as const)('should match everything, infinitely specifically, in a %s list', (kind) => {
      const matcher = compileMatcherSet(['nonsense'], kind, CONTEXT).cmd[0];
      expect(matcher?.matches(['ls'])).toBe(true);
      expect(matcher?.specificity).toBe(Number.POSITIVE_INFINITY);
    });
  });
});

describe('compileHostMatchers', () => {
  it('should let a deny pattern match hosts that do not normalise', () => {
    const [deny] = compileHostMatchers(['evil.com'], 'deny');
    const [allow] = compileHostMatchers(['evil.com'], 'allow');
    expect(deny?.matches(undefined)).toBe(true);
    expect(allow?.matches(undefined)).toBe(false);
  });

  it('should fail closed on a host pattern that does not parse', () => {
    expect(compileHostMatchers(['*evil.com'], 'deny')[0]?.matches('good.com')).toBe(true);
    expect(compileHostMatchers(['*evil.com'], 'allow')[0]?.matches('good.com')).toBe(false);
  });
});
