import { describe, expect, it } from 'vitest';
import { makeDescriptor } from './descriptor.js';
import { addLabels, blessLabels, removeLabels } from './modify-labels.js';

const UNTRUSTED = makeDescriptor({ labels: ['untrusted'], taint: ['src:tool:fetch'] });

describe('addLabels', () => {
  it('should add labels without privilege', () => {
    const change = addLabels(makeDescriptor(), ['pii', 'known']);
    expect(change).toMatchObject({ type: 'changed', descriptor: { labels: ['known', 'pii'] } });
  });

  it('should drop trusted when untrusted is added', () => {
    const change = addLabels(makeDescriptor({ labels: ['trusted'] }), ['untrusted']);
    expect(change).toMatchObject({ type: 'changed', descriptor: { labels: ['untrusted'] } });
  });

  it.each(['untrusted-wins', 'warn'] as const)('should keep the value untrusted and report the conflict under %s', (mode) => {
    const change = addLabels(UNTRUSTED, ['trusted'], { trustConflict: mode });
    expect(change.type).toBe('changed');
    if (change.type !== 'changed') return;
    expect(change.descriptor.labels).toEqual(['untrusted']);
    expect(change.conflict).toEqual({ labels: ['trusted', 'untrusted'], resolved: 'untrusted' });
    expect(change.warning === undefined).toBe(mode === 'untrusted-wins');
  });

  it('should refuse trusted on an untrusted value under error', () => {
    const change = addLabels(UNTRUSTED, ['trusted'], { trustConflict: 'error' });
    expect(change.type).toBe('refused');
    if (change.type === 'refused') expect(change.error.code).toBe('TRUST_CONFLICT');
  });
});

describe('removeLabels', () => {
  it.each([
    ['secret', false, 'PROTECTED_LABEL_REMOVAL'],
    ['untrusted', false, 'PROTECTED_LABEL_REMOVAL'],
    ['pii', false, 'LABEL_PRIVILEGE_REQUIRED'],
    ['src:tool:fetch', true, 'PROTECTED_LABEL_REMOVAL'],
  ] as const)('should refuse removing %s (privileged: %s) with %s', (label, privileged, code) => {
    const change = removeLabels(makeDescriptor({ labels: ['secret', 'pii', 'untrusted'], taint: ['src:tool:fetch'] }), [label], { privileged });
    expect(change.type).toBe('refused');
    if (change.type === 'refused') expect(change.error.code).toBe(code);
  });

  it('should remove a protected label from labels and taint with privilege, keeping provenance', () => {
    const change = removeLabels(makeDescriptor({ labels: ['secret'], taint: ['src:keychain'] }), ['secret'], { privileged: true });
    expect(change).toMatchObject({ type: 'changed', descriptor: { labels: [], taint: ['src:keychain'] } });
  });
});

describe('blessLabels', () => {
  it('should turn untrusted into trusted only with privilege', () => {
    expect(blessLabels(UNTRUSTED, { privileged: true })).toMatchObject({ type: 'changed', descriptor: { labels: ['trusted'], taint: ['src:tool:fetch', 'trusted'] } });
    expect(blessLabels(UNTRUSTED, { privileged: false }).type).toBe('refused');
  });
});
