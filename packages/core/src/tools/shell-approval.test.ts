import { describe, expect, it } from 'vitest';
import { InvalidPolicyError } from '../errors/invalid-policy-error.js';
import { compileApproval, DEFAULT_SHELL_APPROVAL } from './shell-approval.js';

describe('compileApproval', () => {
  it('should match command patterns as prefixes, on the basename of the program', () => {
    const needs = compileApproval(['cmd:git:push', 'cmd:curl']);
    expect(needs([['git', 'push', 'origin']])).toBe(true);
    expect(needs([['ls'], ['/usr/bin/CURL', 'x']])).toBe(true);
    expect(needs([['git', 'status']])).toBe(false);
    expect(compileApproval([])([['rm', '-rf', '/']])).toBe(false);
  });

  it('should refuse patterns that are invalid or not command patterns', () => {
    expect(() => compileApproval(['cmd:git push', 'fs:r:~/x'])).toThrow(InvalidPolicyError);
    try {
      compileApproval(['cmd:', 'tool:x']);
    } catch (error) {
      expect((error as InvalidPolicyError).issues.map((issue) => issue.path)).toEqual([
        ['requireApproval', 0],
        ['requireApproval', 1],
      ]);
    }
  });
});

describe('DEFAULT_SHELL_APPROVAL', () => {
  it('should cover network and destructive programs', () => {
    const needs = compileApproval(DEFAULT_SHELL_APPROVAL);
    for (const words of [['curl', 'x'], ['ssh', 'h'], ['rm', 'f'], ['dd'], ['find', '.', '-delete'], ['git', 'clean', '-f'], ['git', 'reset', 'HEAD', '--hard']]) {
      expect(needs([words]), words.join(' ')).toBe(true);
    }
    for (const words of [['ls'], ['git', 'push'], ['find', '.', '-name', 'x'], ['git', 'reset', '--soft']]) expect(needs([words]), words.join(' ')).toBe(false);
  });
});
