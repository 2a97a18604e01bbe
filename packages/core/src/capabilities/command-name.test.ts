import { describe, expect, it } from 'vitest';
import { commandName } from './command-name.js';

describe('commandName', () => {
  it.each([
    ['git', 'git'],
    ['/usr/bin/git', 'git'],
    ['./bin/Deploy', 'deploy'],
    ['C:\\bin\\sudo', 'sudo'],
    ['GIT', 'git'],
    ['/usr/bin/', ''],
    ['', ''],
  ])('should read %j as %j', (word, expected) => {
    expect(commandName(word)).toBe(expected);
  });
});
