import { describe, expect, it } from 'vitest';
import { defineGuard, type GuardDefinition } from './define-guard.js';
import { InvalidGuardError } from './invalid-guard-error.js';

const NOOP = () => undefined;

function problemsOf(definition: unknown): readonly string[] {
  try {
    defineGuard(definition as GuardDefinition);
  } catch (error) {
    expect(InvalidGuardError.isInstance(error)).toBe(true);
    return (error as InvalidGuardError).problems;
  }
  throw new Error('expected defineGuard to throw');
}

describe('defineGuard', () => {
  describe('valid definitions', () => {
    it('should return a frozen guard that is not privileged by default', () => {
      const guard = defineGuard({ name: 'audit', before: NOOP });
      expect(guard).toMatchObject({ name: 'audit', privileged: false, before: NOOP });
      expect(Object.hasOwn(guard, 'after')).toBe(false);
      expect(Object.hasOwn(guard, 'when')).toBe(false);
      expect(Object.isFrozen(guard)).toBe(true);
    });

    it('should copy and freeze the selector', () => {
      const labels = ['pii'];
      const guard = defineGuard({ name: 'pii', when: { labels, tools: ['send_*'] }, after: NOOP, privileged: true });
      labels.push('secret');
      expect(guard.when).toEqual({ labels: ['pii'], tools: ['send_*'] });
      expect(Object.isFrozen(guard.when)).toBe(true);
      expect(guard.privileged).toBe(true);
    });

    it('should accept `*` and hierarchical labels in labels and ops', () => {
      expect(() => defineGuard({ name: 'all', when: { labels: ['*'], ops: ['op:tool:publish', 'exfil:send'] }, before: NOOP })).not.toThrow();
    });
  });

  describe('invalid definitions', () => {
    it.each([
      [{ name: '', before: NOOP }, '`name` must be a non-empty string'],
      [{ name: '   ', before: NOOP }, '`name` must be a non-empty string'],
      [{ name: ' audit', before: NOOP }, 'must not start or end with whitespace'],
      [{ before: NOOP }, '`name` must be a non-empty string'],
      [{ name: 'a' }, 'give `before`, `after` or both'],
      [{ name: 'a', before: 'deny' }, '`before` must be a function'],
      [{ name: 'a', after: {} }, '`after` must be a function'],
      [{ name: 'a', before: NOOP, privileged: 'yes' }, '`privileged` must be a boolean'],
      [{ name: 'a', before: NOOP, priviledged: true }, 'unknown key `priviledged`'],
      [{ name: 'a', before: NOOP, when: {} }, '`when` is empty'],
      [{ name: 'a', before: NOOP, when: [] }, '`when` must be an object'],
      [{ name: 'a', before: NOOP, when: undefined }, '`when` must be an object'],
      [{ name: 'a', before: NOOP, when: { label: ['pii'] } }, '`when` has unknown key `label`'],
      [{ name: 'a', before: NOOP, when: { labels: [] } }, '`when.labels` must be a non-empty array of labels'],
      [{ name: 'a', before: NOOP, when: { labels: undefined } }, '`when.labels` must be a non-empty array'],
      [{ name: 'a', before: NOOP, when: { ops: 'exfil' } }, '`when.ops` must be a non-empty array'],
      [{ name: 'a', before: NOOP, when: { tools: [''] } }, '`when.tools` has 1 entry that is not tool names or globs'],
      [{ name: 'a', before: NOOP, when: { labels: ['a b', 'x::y'] } }, '`when.labels` has 2 entries that are not labels'],
    ])('should refuse %o', (definition, problem) => {
      expect(problemsOf(definition).join('; ')).toContain(problem);
    });

    it('should refuse something that is not an object', () => {
      expect(problemsOf(null)).toEqual(['a guard definition must be an object']);
    });

    it('should name the guard and list every problem in one error', () => {
      try {
        defineGuard({ name: 'verify-first', when: { labels: [] } } as unknown as GuardDefinition);
        expect.unreachable();
      } catch (error) {
        expect(InvalidGuardError.isInstance(error)).toBe(true);
        const invalid = error as InvalidGuardError;
        expect(invalid.guard).toBe('verify-first');
        expect(invalid.problems).toHaveLength(2);
        expect(invalid.message).toContain('guard `verify-first` is invalid (2 problems)');
      }
    });
  });
});
