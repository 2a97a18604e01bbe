import { describe, expect, it } from 'vitest';
import { createCollector } from './analysis-collector.js';
import { commandString, innerContext, type ProgramCall } from './program-call.js';

describe('innerContext', () => {
  it('should add the wrapper to via and keep or replace the input', () => {
    const call = {
      context: { scope: { variables: { value: () => undefined }, depth: 0, via: ['sudo'] }, input: 'pipe' },
      collector: createCollector({}, () => undefined),
    } as unknown as ProgramCall;
    expect(innerContext(call, 'xargs', 'arguments')).toMatchObject({ input: 'arguments', scope: { via: ['sudo', 'xargs'] } });
    expect(innerContext(call, 'nice')).toMatchObject({ input: 'pipe', scope: { via: ['sudo', 'nice'] } });
  });
});

describe('commandString', () => {
  it('should give the text of a literal word, or why there is none', () => {
    expect(commandString({ source: "'ls'", value: 'ls', glob: undefined, home: false }, 'sh -c')).toBe('ls');
    expect(commandString(undefined, 'sh -c')).toEqual({ missing: '`sh -c` has no command string' });
    expect(commandString({ source: '$X', value: undefined, glob: undefined, home: false }, 'sh -c')).toEqual({ missing: '`sh -c` runs a command string computed at run time' });
  });
});
