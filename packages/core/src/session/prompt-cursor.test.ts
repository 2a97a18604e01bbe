import { describe, expect, it } from 'vitest';
import { createPromptCursor } from './prompt-cursor.js';
import type { PromptPart } from './session-types.js';

const parts: PromptPart[] = [
  { key: 'system', role: 'system', content: 'be helpful' },
  { key: 'user:1', role: 'user', content: 'hi' },
  { key: 'tool:c1', role: 'tool', toolCallId: 'c1', content: 'result' },
];

describe('createPromptCursor', () => {
  it('should match the parts given again, by role, key and tool call id, not by object or content', () => {
    const cursor = createPromptCursor();
    expect(cursor.matched(parts)).toBe(0);
    cursor.remember(parts, 0);
    expect(cursor.matched(parts)).toBe(3);
    expect(cursor.matched([...parts.map((part) => ({ ...part, content: 'changed' })), { key: 'user:2', role: 'user', content: 'more' }])).toBe(3);
    expect(cursor.matched(parts.slice(0, 2))).toBe(2);
  });

  it('should stop at the first part that differs', () => {
    const cursor = createPromptCursor();
    cursor.remember(parts, 0);
    expect(cursor.matched([parts[0] as PromptPart, { ...(parts[1] as PromptPart), key: 'user:other' }, parts[2] as PromptPart])).toBe(1);
    expect(cursor.matched([parts[0] as PromptPart, { ...(parts[1] as PromptPart), role: 'assistant' }])).toBe(1);
    expect(cursor.matched([parts[0] as PromptPart, parts[1] as PromptPart, { ...(parts[2] as PromptPart), toolCallId: 'c2' }])).toBe(2);
    expect(cursor.matched([parts[1] as PromptPart, parts[0] as PromptPart])).toBe(0);
  });

  it('should never match a part without a key, which is keyed only when registered', () => {
    const cursor = createPromptCursor();
    const keyless = [{ role: 'user', content: 'hi' } as unknown as PromptPart];
    cursor.remember(keyless, 0);
    expect(cursor.matched(keyless)).toBe(0);
  });

  it('should remember a shorter prompt after a longer one', () => {
    const cursor = createPromptCursor();
    cursor.remember(parts, 0);
    const other = [{ key: 'other', role: 'user', content: 'x' } as const];
    cursor.remember(other, 0);
    expect(cursor.matched(parts)).toBe(0);
    expect(cursor.matched(other)).toBe(1);
  });
});
