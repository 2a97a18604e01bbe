import { describe, expect, it } from 'vitest';
import { isToolCallRequest, validateRequest } from './validate-request.js';

describe('validateRequest', () => {
  it('should accept a complete request', () => {
    expect(
      validateRequest({
        tool: 'shell',
        labels: ['op:cmd:git:push'],
        controlArgs: ['command'],
        args: { command: { value: 'git push', labels: ['known'], taint: ['src:user'], sources: ['m1'], urls: [{ url: 'https://a.io', labels: [] }] } },
        context: { labels: ['trusted'], taint: [], sources: [] },
        operation: { commands: [['git', 'push']], paths: [{ mode: 'r', path: '/x' }], hosts: ['a.io'] },
        run: { calls: 2, callsByTool: { shell: 1 }, spent: 0 },
      }),
    ).toBeUndefined();
  });

  it.each([
    [{ tool: '', args: {} }, 'no tool name'],
    [{ tool: 'x', args: { a: { labels: 'secret' } } }, 'argument `a` has no `labels`'],
    [{ tool: 'x', args: { a: { labels: [], urls: [{ url: 1, labels: [] }] } } }, 'malformed entry in `urls`'],
    [{ tool: 'x', args: {}, context: { labels: [null] } }, '`context` has a part'],
    [{ tool: 'x', args: {}, operation: { commands: ['git push'] } }, '`operation.commands`'],
    [{ tool: 'x', args: {}, run: { calls: 1, spent: Number.NaN } }, '`run.spent`'],
    [{ tool: 'x', args: {}, run: { calls: 1, callsByTool: { x: -1 } } }, '`run.callsByTool`'],
  ])('should name the problem in %j', (request, problem) => {
    expect(validateRequest(request)).toContain(problem);
    expect(isToolCallRequest(request)).toBe(false);
  });
});

describe('validateRequest with sparse arrays', () => {
  it('should refuse holes, which are not strings', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(validateRequest({ tool: 'x', args: {}, context: { taint: [, 'a'] } })).toContain('`context` has a part');
    expect(validateRequest({ tool: 'x', args: {}, operation: { commands: [['git'], ,] } })).toContain('`operation.commands`');
  });
});
