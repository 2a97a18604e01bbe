import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelModelOutput } from '../evaluate/label-model-output.js';
import { EMPTY_DESCRIPTOR, joinDescriptors, makeDescriptor, type Descriptor } from '../labels/descriptor.js';
import { isPositiveLabel } from '../labels/label.js';
import { compilePolicy } from '../policy/compile-policy.js';
import { createSession } from './create-session.js';
import { digestValue } from './digest.js';
import type { PromptPart } from './session-types.js';

const POLICY = compilePolicy({});

/** The first implementation, part by part: every part's key built and looked up, the context joined per part. */
function referenceSession() {
  const keys = new Set<string>();
  let context: Descriptor = EMPTY_DESCRIPTOR;
  const register = (key: string, descriptor: Descriptor): boolean => {
    if (keys.has(key)) return false;
    keys.add(key);
    context = joinDescriptors(context, makeDescriptor({ labels: descriptor.labels, taint: descriptor.taint }));
    return true;
  };
  return {
    get context() {
      return context;
    },
    recordResult(toolCallId: string) {
      register(`tool-result:${toolCallId}`, makeDescriptor({ labels: ['untrusted'], taint: ['src:tool:read_inbox'] }));
    },
    registerPromptParts(parts: readonly PromptPart[]): number {
      let added = 0;
      for (const part of parts) {
        const key = part.role === 'tool' && part.toolCallId !== undefined ? `tool-result:${part.toolCallId}` : part.key;
        if (keys.has(key)) continue;
        if (part.role === 'system') added += Number(register(key, makeDescriptor({ labels: ['trusted'], taint: ['src:system'] })));
        else if (part.role === 'user') {
          register(key ?? `user:${digestValue(part.content)}`, makeDescriptor({ labels: ['trusted'], taint: ['src:user'] }));
          added += 1;
        } else if (part.role === 'assistant') {
          const output = labelModelOutput(POLICY, context);
          added += Number(register(key, makeDescriptor({ labels: output.labels.filter((label) => !isPositiveLabel(label)), taint: output.taint.filter((label) => !isPositiveLabel(label)) })));
        } else {
          added += Number(register(key, makeDescriptor({ labels: [POLICY.unlabeled], taint: [`src:tool:${part.toolName ?? part.toolCallId ?? 'unknown'}`] })));
        }
      }
      return added;
    },
  };
}

const part: fc.Arbitrary<PromptPart> = fc.record(
  {
    key: fc.constantFrom('k1', 'k2', 'tool-result:c1'),
    role: fc.constantFrom('system', 'user', 'assistant', 'tool', 'tool'),
    content: fc.constantFrom('hello', 'rita@corp.io'),
    toolCallId: fc.constantFrom('c1', 'c2', 'c3'),
    toolName: fc.constantFrom('read_inbox', 'fetch'),
  },
  { requiredKeys: ['key', 'role', 'content'] },
);

/** A step: the previous prompt grown (as frameworks hand it over, same objects or copies), or another prompt. */
const step = fc.record({
  keep: fc.nat({ max: 6 }),
  added: fc.array(part, { maxLength: 4 }),
  copy: fc.boolean(),
  recorded: fc.option(fc.constantFrom('c1', 'c2', 'c3'), { nil: undefined }),
});

describe('registerPromptParts', () => {
  it('should index and count exactly what the part-by-part implementation did, with the same context', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const session = createSession({ policy: POLICY, tools: { read_inbox: { labels: [], output: { labels: ['untrusted'] } } } });
        const reference = referenceSession();
        let prompt: PromptPart[] = [];
        for (const { keep, added, copy, recorded } of steps) {
          if (recorded !== undefined) {
            session.recordToolResult({ toolCallId: recorded, toolName: 'read_inbox', result: 'mail' });
            reference.recordResult(recorded);
          }
          prompt = [...prompt.slice(0, keep), ...added];
          const given = copy ? prompt.map((item) => ({ ...item })) : prompt;
          expect(session.registerPromptParts(given)).toBe(reference.registerPromptParts(given));
          expect(session.context).toBe(reference.context);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('should index a part given in the place of another with the same key but another tool call id', () => {
    const session = createSession({ policy: {} });
    expect(session.registerPromptParts([{ key: 'k', role: 'tool', toolCallId: 'c1', content: 'a' }])).toBe(1);
    expect(session.registerPromptParts([{ key: 'k', role: 'tool', toolCallId: 'c2', content: 'b' }])).toBe(1);
    expect(session.registerPromptParts([{ key: 'k', role: 'user', content: 'c' }])).toBe(1);
    expect(session.registerPromptParts([{ key: 'k', role: 'user', content: 'c' }])).toBe(0);
  });

  it('should skip re-given parts without indexing them again, and a tool result the session recorded', () => {
    const session = createSession({ policy: {}, tools: { read_inbox: { labels: [], output: { labels: ['untrusted'] } } } });
    session.recordToolResult({ toolCallId: 'c1', toolName: 'read_inbox', result: 'mail' });
    const prompt: PromptPart[] = [
      { key: 'system', role: 'system', content: 'be brief' },
      { key: 'user:1', role: 'user', content: 'read my mail' },
      { key: 'tool:c1', role: 'tool', toolCallId: 'c1', content: 'mail' },
    ];
    expect(session.recordModelCall({ parts: prompt })).toMatchObject({ influenced: true });
    expect(session.registerPromptParts(prompt)).toBe(0);
    expect(session.registerPromptParts([...prompt, { key: 'tool:c2', role: 'tool', toolCallId: 'c2', content: 'other' }])).toBe(1);
  });

  it('should join a first prompt of many unrecorded tool results into the context at once', () => {
    const session = createSession({ policy: {} });
    const parts: PromptPart[] = Array.from({ length: 300 }, (_, index) => ({ key: `t${index}`, role: 'tool', toolCallId: `u${index}`, content: `result ${index}` }));
    expect(session.registerPromptParts(parts)).toBe(300);
    expect(session.context.taint.filter((label) => label.startsWith('src:tool:u'))).toHaveLength(300);
    expect(session.context.labels).toEqual(['untrusted']);
  });
});
