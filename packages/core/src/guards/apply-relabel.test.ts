import { describe, expect, it } from 'vitest';
import { applyRelabel, type LabelState } from './apply-relabel.js';
import { outcome, type RelabelChange } from './guard-outcome.js';

const ARGS: LabelState = new Map([
  ['to', ['untrusted', 'src:tool:read_inbox']],
  ['body', ['secret']],
]);

function run(change: RelabelChange, { privileged = false, phase = 'before', state = ARGS, trustConflict = 'untrusted-wins' } = {} as {
  privileged?: boolean;
  phase?: 'before' | 'after';
  state?: LabelState;
  trustConflict?: 'untrusted-wins' | 'warn' | 'error';
}) {
  return applyRelabel({ relabel: outcome.relabel(change), guard: 'g', privileged, phase, state, trustConflict });
}

describe('applyRelabel', () => {
  it('should add labels to every argument by default and to the named ones otherwise', () => {
    const all = run({ add: ['pii'] });
    expect(all.type === 'applied' && [...all.state.values()]).toEqual([['pii', 'src:tool:read_inbox', 'untrusted'], ['pii', 'secret']]);
    const one = run({ add: ['pii'], args: ['body'] });
    expect(one.type === 'applied' && one.state.get('to')).toEqual(['untrusted', 'src:tool:read_inbox']);
    expect(one.type === 'applied' && one.entry).toEqual({ guard: 'g', privileged: false, add: ['pii'], remove: [], args: ['body'] });
  });

  it.each([
    [{ remove: ['secret'], args: ['body'] }, false, 'PROTECTED_LABEL_REMOVAL'],
    [{ remove: ['untrusted'], args: ['to'] }, false, 'PROTECTED_LABEL_REMOVAL'],
    [{ remove: ['pii'] }, false, 'LABEL_PRIVILEGE_REQUIRED'],
    [{ remove: ['src:tool:read_inbox'] }, true, 'PROTECTED_LABEL_REMOVAL'],
  ])('should refuse the removal %o (privileged: %s) with %s', (change, privileged, code) => {
    const checked = run(change, { privileged });
    expect(checked).toMatchObject({ type: 'refused', code: 'protected-label' });
    expect(checked.type === 'refused' && checked.reason).toContain(code);
    expect(checked.type === 'refused' && checked.reason).toContain('guard `g`');
  });

  it('should let a privileged guard remove protected labels and bless a value', () => {
    const checked = run({ remove: ['untrusted'], add: ['trusted'], args: ['to'] }, { privileged: true, trustConflict: 'error' });
    expect(checked.type === 'applied' && checked.state.get('to')).toEqual(['src:tool:read_inbox', 'trusted']);
  });

  it.each(['untrusted-wins', 'warn'] as const)('should keep an untrusted argument untrusted and report the conflict under %s', (trustConflict) => {
    const checked = run({ add: ['trusted'] }, { trustConflict });
    expect(checked.type === 'applied' && checked.entry.conflicts).toEqual(['to']);
    expect(checked.type === 'applied' && checked.state.get('to')).toEqual(['src:tool:read_inbox', 'untrusted']);
    expect(checked.type === 'applied' && checked.state.get('body')).toEqual(['secret', 'trusted']);
  });

  it('should refuse trusted on an untrusted argument under error', () => {
    const checked = run({ add: ['trusted'] }, { trustConflict: 'error' });
    expect(checked).toMatchObject({ type: 'refused', code: 'trust-conflict' });
    expect(checked.type === 'refused' && checked.reason).toContain('argument `to`');
  });

  it('should relabel the result after the call and refuse argument names there', () => {
    const result: LabelState = new Map([['result', ['untrusted']]]);
    const added = run({ add: ['pii'] }, { phase: 'after', state: result });
    expect(added.type === 'applied' && added.state.get('result')).toEqual(['pii', 'untrusted']);
    expect(run({ add: ['pii'], args: ['to'] }, { phase: 'after', state: result })).toMatchObject({ type: 'refused', code: 'guard-error' });
    const conflict = run({ add: ['trusted'] }, { phase: 'after', state: result, trustConflict: 'error' });
    expect(conflict.type === 'refused' && conflict.reason).toContain('on the result');
  });

  it('should refuse a relabel that names an unknown argument', () => {
    const checked = run({ add: ['secret'], args: ['bdy'] });
    expect(checked).toMatchObject({ type: 'refused', code: 'guard-error' });
    expect(checked.type === 'refused' && checked.reason).toContain('unknown argument `bdy`');
  });
});
