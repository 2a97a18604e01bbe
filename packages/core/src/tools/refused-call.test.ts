import { describe, expect, it } from 'vitest';
import { REFUSED_COMMAND } from '../capabilities/default-danger.js';
import { refusedCall, requirePrepared } from './refused-call.js';
import { ToolRefusedError } from './tool-refused-error.js';

describe('refusedCall', () => {
  it('should carry the reason as a refused command the danger list denies', () => {
    expect(refusedCall({ reason: '`eval` runs code', metadata: { labels: ['op:cmd'] } })).toEqual({
      metadata: { labels: ['op:cmd'] },
      operation: { commands: [[REFUSED_COMMAND, "'eval' runs code"]] },
      summary: 'refused: `eval` runs code',
      refusal: '`eval` runs code',
    });
  });
});

describe('requirePrepared', () => {
  it('should give the facts of a prepared call and refuse anything else', () => {
    expect(requirePrepared('t', { metadata: {}, operation: {}, summary: '', facts: { a: 1 } })).toEqual({ a: 1 });
    expect(() => requirePrepared('t', undefined)).toThrow(ToolRefusedError);
    expect(() => requirePrepared('t', refusedCall({ reason: 'no', metadata: {} }))).toThrow('tool `t` refused to run: no');
  });
});
