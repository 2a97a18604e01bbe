import { describe, expect, it } from 'vitest';
import { allowDecision } from '../evaluate/decision.js';
import type { GuardContext } from './guard-context.js';
import { snapshotGuardContext } from './snapshot-guard-context.js';

const CONTEXT: GuardContext = {
  phase: 'after',
  tool: 'fetch',
  toolCallId: 'call_2',
  args: JSON.parse('{"url": "https://a.example", "__proto__": {"admin": true}}') as Record<string, unknown>,
  argLabels: { url: ['known'] },
  labels: ['llm'],
  targets: ['op:tool:fetch'],
  decision: allowDecision({ tool: 'fetch' }),
  result: 'page',
  resultLabels: ['untrusted'],
  tools: { calls: ['search'], history: [{ tool: 'search', toolCallId: 'call_1', decision: 'allow', labels: [] }] },
  attempt: 2,
};

describe('snapshotGuardContext', () => {
  it('should freeze every container and copy it away from the engine', () => {
    const ctx = snapshotGuardContext(CONTEXT, 'after');
    for (const part of [ctx, ctx.args, ctx.argLabels, ctx.argLabels.url, ctx.labels, ctx.targets, ctx.tools, ctx.tools.calls, ctx.tools.history[0]]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(ctx.args).not.toBe(CONTEXT.args);
    expect(ctx.tools.calls).not.toBe(CONTEXT.tools.calls);
  });

  it('should keep a hostile __proto__ argument as a plain key', () => {
    const ctx = snapshotGuardContext(CONTEXT, 'after');
    expect(Object.hasOwn(ctx.args, '__proto__')).toBe(true);
    expect((ctx.args as { admin?: unknown }).admin).toBeUndefined();
  });

  it('should compute labels from every argument and the result', () => {
    expect(snapshotGuardContext(CONTEXT, 'after').labels).toEqual(['llm', 'known', 'untrusted']);
  });

  it('should take the phase it is asked for and drop the result before the call', () => {
    const ctx = snapshotGuardContext(CONTEXT, 'before');
    expect(ctx.phase).toBe('before');
    expect(Object.hasOwn(ctx, 'result')).toBe(false);
    expect(Object.hasOwn(ctx, 'resultLabels')).toBe(false);
    expect(ctx.labels).toEqual(['llm', 'known']);
  });
});
