import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autosignCovers, autosignInstructions } from './autosign-instructions.js';
import { verify } from './verify.js';

describe('autosignCovers', () => {
  it.each([
    [['instructions'], 'system', true],
    [['templates'], 'anything', true],
    [['*Prompt'], 'reviewPrompt', true],
    [['*Prompt'], 'system', false],
    [[], 'system', false],
  ])('should read %j as covering %s: %s', (autosign, name, covered) => {
    expect(autosignCovers(autosign, name)).toBe(covered);
  });
});

describe('autosignInstructions', () => {
  it('should sign covered instructions once, and again only when their text changes', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'labelflow-autosign-'));
    const options = { autosign: ['*Prompt'], by: 'system:app', cwd };
    expect(autosignInstructions({ ...options, instructions: { reviewPrompt: 'Review {{x}}', notes: 'free text' } })).toEqual({ signed: ['reviewPrompt'], unchanged: [], skipped: ['notes'] });
    expect(autosignInstructions({ ...options, instructions: { reviewPrompt: 'Review {{x}}' } })).toEqual({ signed: [], unchanged: ['reviewPrompt'], skipped: [] });
    expect(autosignInstructions({ ...options, instructions: { reviewPrompt: 'Review {{x}} carefully' } }).signed).toEqual(['reviewPrompt']);
    expect(verify('reviewPrompt', 'Review {{x}} carefully', { cwd }).verified).toBe(true);
    expect(verify('notes', undefined, { cwd })).toMatchObject({ verified: false, reason: 'not-signed' });
  });
});
