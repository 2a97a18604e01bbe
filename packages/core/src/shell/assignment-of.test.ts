import { describe, expect, it } from 'vitest';
import { assignmentOf } from './assignment-of.js';
import type { Word } from './shell-syntax.js';

const literal = (text: string, quoted = false): Word => ({ parts: [{ type: 'literal', text, quoted }], source: text });

describe('assignmentOf', () => {
  it('should read NAME=value and NAME+=value', () => {
    expect(assignmentOf(literal('A=1'))).toEqual({ name: 'A', append: false, value: { parts: [{ type: 'literal', text: '1', quoted: false }], source: '1' } });
    expect(assignmentOf(literal('A+=x'))).toMatchObject({ name: 'A', append: true });
    expect(assignmentOf(literal('A='))).toMatchObject({ name: 'A', value: { parts: [] } });
  });

  it('should read a leading ~ of the value as the home directory', () => {
    expect(assignmentOf(literal('P=~/bin'))?.value.parts).toEqual([{ type: 'tilde' }, { type: 'literal', text: '/bin', quoted: false }]);
    expect(assignmentOf(literal('P=~x'))?.value.parts).toEqual([{ type: 'literal', text: '~x', quoted: false }]);
  });

  it('should not read quoted names or other words as assignments', () => {
    expect(assignmentOf(literal('A=1', true))).toBeUndefined();
    expect(assignmentOf(literal('1A=1'))).toBeUndefined();
    expect(assignmentOf(literal('--opt=1'))).toBeUndefined();
  });
});
