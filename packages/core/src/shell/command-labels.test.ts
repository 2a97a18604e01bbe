import { describe, expect, it } from 'vitest';
import type { Invocation } from './command-analysis.js';
import { commandLabels, subcommandOf } from './command-labels.js';

const invocation = (bin: string, ...args: string[]): Invocation => ({ bin, words: [bin, ...args], via: [], input: 'none', risks: [] });

describe('commandLabels', () => {
  it('should label every invocation with its binary and subcommand', () => {
    expect(commandLabels([invocation('git', 'status'), invocation('ls', '-la'), invocation('git', 'push')])).toEqual([
      'op:cmd',
      'op:cmd:git',
      'op:cmd:git:status',
      'op:cmd:ls',
      'op:cmd:git:push',
    ]);
  });

  it('should encode characters a label cannot hold', () => {
    expect(commandLabels([invocation('my tool:x')])).toEqual(['op:cmd', 'op:cmd:my%20tool%3Ax']);
  });
});

describe('subcommandOf', () => {
  it.each([
    [['status'], 'status'],
    [['-C', 'x'], 'x'],
    [['A=1', 'run'], 'run'],
    [['./src', 'build'], 'build'],
    [['~/x', '/y'], undefined],
    [['import os; os.system()'], undefined],
    [['https://x.io'], undefined],
    [[], undefined],
  ])('%j should give %j', (args, expected) => {
    expect(subcommandOf(args)).toBe(expected);
  });
});
