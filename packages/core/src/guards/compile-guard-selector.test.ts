import { describe, expect, it } from 'vitest';
import { compileGuardSelector } from './compile-guard-selector.js';

const SEND = { labels: ['pii:email', 'untrusted'], targets: ['op:tool:send_email', 'email:send', 'exfil', 'exfil:send'], tool: 'send_email' };

describe('compileGuardSelector', () => {
  it('should select every call when there is no selector', () => {
    expect(compileGuardSelector(undefined)({ labels: [], targets: [], tool: 'anything' })).toBe(true);
  });

  it.each([
    [{ labels: ['pii'] }, true],
    [{ labels: ['pii:phone'] }, false],
    [{ labels: ['secret', 'untrusted'] }, true],
    [{ labels: ['*'] }, true],
    [{ ops: ['exfil'] }, true],
    [{ ops: ['op:tool'] }, true],
    [{ ops: ['op:tool:send'] }, false],
    [{ ops: ['destructive'] }, false],
    [{ tools: ['send_email'] }, true],
    [{ tools: ['send_*'] }, true],
    [{ tools: ['*_email'] }, true],
    [{ tools: ['send'] }, false],
    [{ tools: ['send*x'] }, false],
    [{ tools: ['read_*', '*email'] }, true],
    [{ labels: ['pii'], ops: ['exfil'], tools: ['send_*'] }, true],
    [{ labels: ['pii'], ops: ['destructive'] }, false],
    [{ labels: ['secret'], tools: ['send_email'] }, false],
  ])('should match %o against a send_email call: %s', (selector, expected) => {
    expect(compileGuardSelector(selector)(SEND)).toBe(expected);
  });

  it('should match a hostile tool name against a many-star glob quickly', () => {
    const matches = compileGuardSelector({ tools: ['*a*a*a*a*a*a*a*a*a*b'] });
    const started = performance.now();
    expect(matches({ labels: [], targets: [], tool: 'a'.repeat(5000) })).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
