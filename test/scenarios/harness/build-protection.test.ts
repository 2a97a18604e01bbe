import { compilePolicy } from '@labelflow/core';
import { describe, expect, it } from 'vitest';
import { buildProtection, switchOf } from './build-protection.js';
import { MINI_SUITE } from './mini-suite.js';
import type { AnyUserTask } from './scenario-types.js';

const TASK = MINI_SUITE.userTasks[0] as AnyUserTask;
const document = (protection: { key: string }) => JSON.parse(protection.key.split('|')[0] as string) as Record<string, unknown>;

describe('buildProtection', () => {
  it('should give P0 the default rules and no manifest', () => {
    const protection = buildProtection(MINI_SUITE, TASK, 'P0');
    expect(document(protection)).not.toHaveProperty('authorizations');
    expect(protection.guards).toEqual([]);
  });

  it('should add the task manifest at P0+M, expanding `*` pins to the environment', () => {
    const task = { ...TASK, manifest: { delete_file: { id: '*' } } } as AnyUserTask;
    expect(document(buildProtection(MINI_SUITE, task, 'P0+M'))).toMatchObject({ authorizations: { allow: { delete_file: { args: { id: { oneOf: ['a1', 'b2'] } } } } } });
  });

  it('should add the strict manifest, the trusted-payload guard and the advice projection at P1', () => {
    const task = { ...TASK, strictManifest: {}, advice: true } as AnyUserTask;
    const protection = buildProtection(MINI_SUITE, task, 'P1');
    expect(document(protection)).toMatchObject({ authorizations: { allow: {} } });
    expect(protection.guards.map((guard) => guard.name)).toEqual(['trusted-payload', 'advice-projection']);
  });

  it('should switch parts off for ablations and compile what it builds', () => {
    const protection = buildProtection(MINI_SUITE, TASK, 'P1', { disabled: new Set(['authorizations', 'no-send-to-unknown', 'guard:trusted-payload']) });
    expect(document(protection)).not.toHaveProperty('authorizations');
    expect(JSON.stringify(document(protection))).not.toContain('no-send-to-unknown');
    expect(protection.guards).toEqual([]);
    expect(() => compilePolicy(protection.policy)).not.toThrow();
  });
});

describe('switchOf', () => {
  it.each([
    ['authorizations.args', 'authorizations'],
    ['authorizations.unlisted', 'authorizations'],
    ['capabilities.deny', 'capabilities'],
    ['no-novel-urls', 'no-novel-urls'],
    ['guard:trusted-payload', 'guard:trusted-payload'],
  ])('should turn `%s` off through `%s`', (ruleId, expected) => {
    expect(switchOf(ruleId)).toBe(expected);
  });
});
