import { describe, expect, it } from 'vitest';
import type { ModelViewMessage } from './agent-driver.js';
import { readPath, resolveValue, UNRESOLVED } from './resolve-value.js';

const MESSAGES: ModelViewMessage[] = [
  { role: 'user', content: 'hi' },
  { role: 'tool', toolCallId: 'c1', toolName: 'list', status: 'ok', content: [{ id: '1', name: 'a' }, { id: '2', name: 'b' }] },
  { role: 'tool', toolCallId: 'c2', toolName: 'list', status: 'denied', content: { error: 'policy_denied' } },
  { role: 'tool', toolCallId: 'c3', toolName: 'note', status: 'ok', content: '{"text":"from JSON"}' },
];

describe('resolveValue', () => {
  it('should keep literals and resolve references into the latest successful result', () => {
    expect(resolveValue({ a: 1, b: ['x', { $ref: { tool: 'list', path: '1.id' } }] }, MESSAGES)).toEqual({ a: 1, b: ['x', '2'] });
  });

  it('should map `*` over arrays and join when asked', () => {
    expect(resolveValue({ $ref: { tool: 'list', path: '*.name', join: ', ' } }, MESSAGES)).toBe('a, b');
    expect(readPath({ x: { y: 1 }, z: { y: 2 } }, '*.y')).toEqual([1, 2]);
  });

  it('should read JSON text results and concatenate text parts', () => {
    expect(resolveValue({ $concat: ['note: ', { $ref: { tool: 'note', path: 'text' } }, ' / ', { $ref: { tool: 'list', path: '0' } }] }, MESSAGES)).toBe('note: from JSON / {"id":"1","name":"a"}');
  });

  it('should make a guess visible when the result was never seen', () => {
    expect(resolveValue({ $ref: { tool: 'missing', path: 'id' } }, MESSAGES)).toBe(UNRESOLVED);
  });
});
