import { LabelflowError } from '../index.js';
import { describe, expect, it } from 'vitest';
import { InstructionsTamperedError, instructionsTamperedErrorOf } from './instructions-tampered-error.js';

describe('InstructionsTamperedError', () => {
  it('should name each instruction and why it failed, and be recognised by its marker', () => {
    const error = new InstructionsTamperedError({ names: ['system'], results: { system: { verified: false, name: 'system', reason: 'not-signed', message: '…' } }, sessionId: 's1' });
    expect(error.message).toContain('`system` (not-signed)');
    expect(InstructionsTamperedError.isInstance(error)).toBe(true);
    expect(LabelflowError.isInstance(error)).toBe(true);
    expect(InstructionsTamperedError.isInstance(new Error('x'))).toBe(false);
  });

  it('should be found through the causes of the errors that wrap it', () => {
    const error = new InstructionsTamperedError({ names: ['system'], results: {}, sessionId: 's1' });
    const wrapped = new Error('outer', { cause: new Error('middle', { cause: error }) });
    expect(instructionsTamperedErrorOf(wrapped)).toBe(error);
    const circular: { cause?: unknown } = {};
    circular.cause = circular;
    expect(instructionsTamperedErrorOf(circular)).toBeUndefined();
  });
});
