import { describe, expect, it } from 'vitest';
import { blocked, expectationFor, gate, residual } from './expectations.js';
import { MINI_SUITE } from './mini-suite.js';
import type { AnyUserTask } from './scenario-types.js';

const TASK = MINI_SUITE.userTasks[0] as AnyUserTask;
const resolve = (rule: ReturnType<typeof gate>, profile: 'P0' | 'P0+M' | 'P1', task = TASK) => rule({ suite: MINI_SUITE, task, profile });

describe('gate', () => {
  it('should leave P0 to the rules', () => {
    expect(resolve(gate([{ tool: 'delete_file' }], blocked('no-destroy-unknown')), 'P0')).toEqual(blocked('no-destroy-unknown'));
  });

  it('should expect `authorizations.unlisted` for a write the manifest does not list', () => {
    expect(resolve(gate([{ tool: 'delete_file' }], blocked('no-destroy-unknown')), 'P0+M')).toEqual(blocked('authorizations.unlisted'));
  });

  it('should expect `authorizations.args` for a target the manifest pins to another value', () => {
    expect(resolve(gate([{ tool: 'send_email', arg: 'to', value: 'eve@evil.example' }], blocked('no-send-to-unknown')), 'P0+M')).toEqual(blocked('authorizations.args'));
  });

  it('should fall through to the P0 outcome when the manifest allows the write, residuals included', () => {
    const writes = [{ tool: 'send_email', arg: 'to', value: 'Rita@Corp.example' }];
    expect(resolve(gate(writes, blocked('no-novel-urls')), 'P0+M')).toEqual(blocked('no-novel-urls'));
    expect(resolve(gate(writes, residual('why')), 'P1')).toEqual(residual('why'));
  });

  it('should read the strict manifest at P1', () => {
    const strict = { ...TASK, strictManifest: {} };
    expect(resolve(gate([{ tool: 'send_email', arg: 'to', value: 'rita@corp.example' }], blocked('x')), 'P1', strict)).toEqual(blocked('authorizations.unlisted'));
  });
});

describe('expectationFor', () => {
  it('should prefer a per-task override', () => {
    const injection = { ...MINI_SUITE.injectionTasks[0]!, overrides: { MU0: { P0: residual('override') } } };
    expect(expectationFor(MINI_SUITE, TASK, injection, 'P0')).toEqual(residual('override'));
    expect(expectationFor(MINI_SUITE, TASK, injection, 'P0+M')).toEqual(blocked('authorizations.args'));
  });
});
