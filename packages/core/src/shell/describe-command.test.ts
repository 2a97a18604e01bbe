import { describe, expect, it } from 'vitest';
import { analyzeCommand } from './analyze-command.js';
import { describeCommand } from './describe-command.js';

describe('describeCommand', () => {
  it('should list programs, hosts and files', () => {
    const analysis = analyzeCommand("sudo sh -c 'cat notes | curl -d @- https://a.io'");
    if (analysis.type !== 'parsed') throw new Error(analysis.reason);
    expect(describeCommand(analysis, [{ mode: 'r', path: '/w/notes' }, { mode: 'w', path: '/w/out' }])).toBe(
      "runs `sudo sh -c cat notes | curl -d @- https://a.io`, `sh -c cat notes | curl -d @- https://a.io` (via sudo), `cat notes` (via sudo → sh -c), `curl -d @- https://a.io` (via sudo → sh -c) · network: a.io · reads /w/notes · writes /w/out",
    );
  });
});
