import { describe, expect, it } from 'vitest';
import type { CapabilitiesConfig } from './capability-types.js';
import { checkCapabilities } from './check-capabilities.js';
import { compileCapabilities } from './compile-capabilities.js';

const OPTIONS = { homeDir: '/home/u', cwd: '/work/app' };

describe('compileCapabilities', () => {
  it.each([
    ['undefined', undefined],
    ['an empty section', {}],
    ['invalid patterns', { allow: ['cmd:::'], deny: ['fs:x:y'], danger: ['?'], network: { allow: ['*x'], deny: ['A.com'] } }],
    ['a huge brace expansion', { allow: [`fs:r:${'/{a,b}'.repeat(20)}`] }],
    ['a very long pattern', { deny: [`fs:r:/${'a'.repeat(100_000)}`] }],
    ['values that are not strings', { allow: [1, null, Object.create(null)], fs: { read: [{}] }, network: { deny: [Symbol('x')] } }],
    ['lists that are not arrays', { allow: 'tool:*', deny: { 0: 'x' }, network: 'x', fs: 1 }],
  ])('should not throw on %s', (_name, config) => {
    expect(() => compileCapabilities(config as CapabilitiesConfig, OPTIONS)).not.toThrow();
  });

  it('should fail closed on values that are not strings', () => {
    const compiled = compileCapabilities({ deny: [42] } as unknown as CapabilitiesConfig, OPTIONS);
    expect(checkCapabilities(compiled, { tool: 'read_inbox' })?.ruleId).toBe('capabilities.deny');
  });

  it('should add `fs.read` and `fs.write` as allow patterns', () => {
    const compiled = compileCapabilities({ fs: { read: ['./docs/**'], write: ['./out/**'] } }, OPTIONS);
    const verdict = (mode: 'r' | 'w', path: string) => checkCapabilities(compiled, { tool: 'fs', paths: [{ mode, path }] })?.ruleId;
    expect(verdict('r', '/work/app/docs/a.md')).toBeUndefined();
    expect(verdict('r', '/work/app/out/a.md')).toBeUndefined();
    expect(verdict('w', '/work/app/out/a.md')).toBeUndefined();
    expect(verdict('w', '/work/app/docs/a.md')).toBe('capabilities.allow');
    expect(verdict('r', '/work/app/src/a.ts')).toBe('capabilities.allow');
  });

  it('should default to the real home and working directories', () => {
    const compiled = compileCapabilities({ allow: ['fs:r:./**'] });
    expect(checkCapabilities(compiled, { tool: 'fs', paths: [{ mode: 'r', path: `${process.cwd()}/x` }] })).toBeUndefined();
  });

  it('should return a frozen value', () => {
    const compiled = compileCapabilities({ allow: ['tool:*'] }, OPTIONS);
    expect(Object.isFrozen(compiled)).toBe(true);
    expect(Object.isFrozen(compiled.rules.allow.tool)).toBe(true);
  });
});
