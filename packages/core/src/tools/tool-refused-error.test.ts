import { describe, expect, it } from 'vitest';
import { LabelflowError } from '../errors/labelflow-error.js';
import { ToolRefusedError } from './tool-refused-error.js';

describe('ToolRefusedError', () => {
  it('should carry the tool and the reason and be recognised by marker', () => {
    const error = new ToolRefusedError({ tool: 'shell', reason: 'the command changed' });
    expect([error.name, error.tool, error.reason, error.message]).toEqual(['ToolRefusedError', 'shell', 'the command changed', 'tool `shell` refused to run: the command changed']);
    expect(ToolRefusedError.isInstance(error)).toBe(true);
    expect(LabelflowError.isInstance(error)).toBe(true);
    expect(ToolRefusedError.isInstance(new Error('x'))).toBe(false);
  });
});
