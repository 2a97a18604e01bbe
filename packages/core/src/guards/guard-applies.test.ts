import { describe, expect, it } from 'vitest';
import { allowDecision } from '../evaluate/decision.js';
import { defineGuard, type Guard } from './define-guard.js';
import { guardApplies, inputLabels } from './guard-applies.js';
import type { GuardContext } from './guard-context.js';
import { InvalidGuardError } from './invalid-guard-error.js';

const NOOP = () => undefined;

const CONTEXT: GuardContext = {
  phase: 'before',
  tool: 'publish_post',
  toolCallId: 'call_1',
  args: { title: 'hi', body: 'text' },
  argLabels: { title: ['known'], body: ['untrusted', 'src:web:fetch'] },
  labels: [],
  targets: ['op:tool:publish_post', 'net:w', 'exfil'],
  decision: allowDecision({ tool: 'publish_post' }),
  tools: { calls: [], history: [] },
  attempt: 1,
};

describe('guardApplies', () => {
  it('should apply a guard without `when` to every call', () => {
    expect(guardApplies(defineGuard({ name: 'all', before: NOOP }), CONTEXT)).toBe(true);
  });

  it('should match labels hierarchically against every argument, not just ctx.labels', () => {
    expect(guardApplies(defineGuard({ name: 'web', when: { labels: ['src:web'] }, before: NOOP }), CONTEXT)).toBe(true);
    expect(guardApplies(defineGuard({ name: 'pii', when: { labels: ['pii'] }, before: NOOP }), CONTEXT)).toBe(false);
  });

  it('should match result labels after the call only', () => {
    const guard = defineGuard({ name: 'secret-out', when: { labels: ['secret'] }, after: NOOP });
    const withResult = { ...CONTEXT, resultLabels: ['secret'] };
    expect(guardApplies(guard, withResult)).toBe(false);
    expect(guardApplies(guard, { ...withResult, phase: 'after' })).toBe(true);
  });

  it('should match ops against the operation targets, and tools against the name', () => {
    expect(guardApplies(defineGuard({ name: 'net', when: { ops: ['net'] }, before: NOOP }), CONTEXT)).toBe(true);
    expect(guardApplies(defineGuard({ name: 'one', when: { ops: ['op:tool:publish_post'] }, before: NOOP }), CONTEXT)).toBe(true);
    expect(guardApplies(defineGuard({ name: 'glob', when: { tools: ['publish_*'] }, before: NOOP }), CONTEXT)).toBe(true);
    expect(guardApplies(defineGuard({ name: 'other', when: { tools: ['publish'] }, before: NOOP }), CONTEXT)).toBe(false);
  });

  it('should require every selector kind (AND) and any entry within one (OR)', () => {
    const both = defineGuard({ name: 'both', when: { labels: ['pii', 'untrusted'], tools: ['read_*', 'publish_*'] }, before: NOOP });
    const oneMissing = defineGuard({ name: 'miss', when: { labels: ['untrusted'], ops: ['destructive'] }, before: NOOP });
    expect(guardApplies(both, CONTEXT)).toBe(true);
    expect(guardApplies(oneMissing, CONTEXT)).toBe(false);
  });

  it('should validate a guard that was not made by defineGuard', () => {
    const handMade: Guard = { name: 'hand', when: { tools: ['publish_*'] }, before: NOOP, privileged: false };
    expect(guardApplies(handMade, CONTEXT)).toBe(true);
    const broken = { name: 'broken', when: { tool: ['x'] }, before: NOOP, privileged: false } as unknown as Guard;
    expect(() => guardApplies(broken, CONTEXT)).toThrow(InvalidGuardError);
  });
});

describe('inputLabels', () => {
  it('should unite ctx.labels with every argument and, after the call, the result', () => {
    expect(inputLabels({ ...CONTEXT, labels: ['llm'] })).toEqual(['llm', 'known', 'untrusted', 'src:web:fetch']);
    expect(inputLabels({ ...CONTEXT, phase: 'after', resultLabels: ['pii'] })).toContain('pii');
  });
});
