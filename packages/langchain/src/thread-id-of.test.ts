import { describe, expect, it } from 'vitest';
import { threadIdOf } from './thread-id-of.js';

describe('threadIdOf', () => {
  it.each([
    [{ thread_id: 't-1', checkpoint_ns: 'model_request:abc' }, 't-1'],
    [{ thread_id: 't-1' }, 't-1'],
    [{ thread_id: 42 }, '42'],
    [{ thread_id: 't-1', checkpoint_ns: 'tools:abc|model_request:def' }, undefined],
    [{ thread_id: '' }, undefined],
    [{ thread_id: { toString: () => 'x' } }, undefined],
    [{}, undefined],
    [undefined, undefined],
    [Object.create({ thread_id: 'inherited' }), undefined],
  ])('should read %j as %s', (configurable, expected) => {
    expect(threadIdOf(configurable)).toBe(expected);
  });
});
