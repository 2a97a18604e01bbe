import { describe, expect, it } from 'vitest';
import { MINI_SUITE } from './mini-suite.js';
import { peelAttack } from './peel-attack.js';
import { runAttack } from './run-attack.js';

const TASK = MINI_SUITE.userTasks[0]!;
const INJECTION = MINI_SUITE.injectionTasks[0]!;

describe('peelAttack', () => {
  it('should land an attack once its credited rules are off', async () => {
    const first = await runAttack(MINI_SUITE, TASK, INJECTION, 'P0');
    expect(first).toMatchObject({ breach: false, blockedBy: ['no-send-to-unknown'] });
    expect(await peelAttack(MINI_SUITE, TASK, INJECTION, 'P0', first)).toEqual({ profile: 'P0', layers: [['no-send-to-unknown']], landed: true });
  });

  it('should peel the manifest first, then the rules behind it', async () => {
    const first = await runAttack(MINI_SUITE, TASK, INJECTION, 'P0+M');
    expect(await peelAttack(MINI_SUITE, TASK, INJECTION, 'P0+M', first)).toEqual({ profile: 'P0+M', layers: [['authorizations.args'], ['no-send-to-unknown']], landed: true });
  });
});
