import { describe, expect, it } from 'vitest';
import { hasLabel, labelSpecificity, labelsMatching, matchesLabel } from './match-label.js';

describe('matchesLabel', () => {
  it.each([
    ['exfil', 'exfil', true],
    ['exfil', 'exfil:send', true],
    ['src:mcp', 'src:mcp:github:get_issue', true],
    ['*', 'anything:at:all', true],
    ['exfil:send', 'exfil', false],
    ['exfil', 'exfiltrate', false],
    ['src:mc', 'src:mcp', false],
    ['known', 'known:internal', true],
  ])('should match rule %s against %s: %s', (rule, label, expected) => {
    expect(matchesLabel(rule, label)).toBe(expected);
  });
});

describe('labelSpecificity', () => {
  it.each([
    ['*', 0],
    ['exfil', 1],
    ['exfil:send', 2],
    ['op:cmd:git:push', 4],
  ])('should give %s a specificity of %d', (rule, expected) => {
    expect(labelSpecificity(rule)).toBe(expected);
  });
});

describe('hasLabel', () => {
  it('should find a child label through its parent rule', () => {
    expect(hasLabel(['trusted', 'known:internal'], 'known')).toBe(true);
    expect(hasLabel(['trusted'], 'known')).toBe(false);
    expect(labelsMatching(['src:user', 'src:tool:x', 'pii'], 'src')).toEqual(['src:user', 'src:tool:x']);
  });
});
