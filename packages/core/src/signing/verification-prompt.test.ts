import { describe, expect, it } from 'vitest';
import { prependVerificationPrompt, VERIFICATION_SEPARATOR, verificationPrompt } from './verification-prompt.js';

describe('verificationPrompt', () => {
  it('should name the verify tool and the signed instructions', () => {
    const text = verificationPrompt({ names: ['system', 'review'], toolName: 'check_signatures' });
    expect(text).toContain('`check_signatures`');
    expect(text).toContain('`system`, `review`');
    expect(verificationPrompt()).toContain('`verify`');
  });

  it('should prepend itself to instructions behind a separator', () => {
    expect(prependVerificationPrompt('Be nice.')).toBe(`${verificationPrompt()}${VERIFICATION_SEPARATOR}Be nice.`);
  });
});
