import { describe, expect, it } from 'vitest';
import { parseShell } from './parse-shell.js';
import { collectVariables } from './variable-table.js';

const ENV = { HOME: '/home/u', USER: 'u' };
const value = (text: string, name: string) => collectVariables(parseShell(text), { env: ENV }).value(name);

describe('collectVariables', () => {
  it.each([
    ['echo $HOME', 'HOME', '/home/u'],
    ['echo $NOPE', 'NOPE', undefined],
    ['X=/tmp; echo $X', 'X', undefined],
    ['HOME=/home/u; echo $HOME', 'HOME', '/home/u'],
    ['HOME=/evil; echo $HOME', 'HOME', undefined],
    ['X=$(id); echo $X', 'X', undefined],
    ['X+=a; echo $X', 'X', undefined],
    ['read USER', 'USER', undefined],
    ['for USER in a b; do :; done', 'USER', undefined],
    ['export HOME=/other', 'HOME', undefined],
    ['unset HOME', 'HOME', undefined],
    ['(HOME=/x)', 'HOME', undefined],
    ['echo $(HOME=/x)', 'HOME', undefined],
    ['cd /tmp', 'PWD', undefined],
    ['mapfile -t USER < f', 'USER', undefined],
  ])('in %j, %s should be %j', (text, name, expected) => {
    expect(value(text, name)).toBe(expected);
  });

  it('should read inherited variables from a parent table', () => {
    const parent = collectVariables(parseShell('true'), { env: ENV });
    expect(collectVariables(parseShell('echo $USER'), { env: ENV, parent }).value('USER')).toBe('u');
    expect(collectVariables(parseShell('USER=x; echo $USER'), { env: ENV, parent }).value('USER')).toBeUndefined();
  });
});
