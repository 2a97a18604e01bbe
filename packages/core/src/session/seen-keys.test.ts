import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeenKeys } from './seen-keys.js';

describe('createSeenKeys', () => {
  it('should answer hasToolResult(id) exactly as has(`tool-result:${id}`), however the key was added', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string().map((id) => `tool-result:${id}`))), fc.array(fc.string()), (added, probes) => {
        const keys = createSeenKeys();
        for (const key of added) keys.add(key);
        for (const id of [...probes, ...added.map((key) => key.slice('tool-result:'.length))]) {
          expect(keys.hasToolResult(id)).toBe(keys.has(`tool-result:${id}`));
        }
      }),
    );
  });

  it('should not take a key that merely contains the prefix for a tool result', () => {
    const keys = createSeenKeys();
    keys.add('x:tool-result:c1');
    keys.add('tool-result:c2:untrusted');
    expect(keys.hasToolResult('c1')).toBe(false);
    expect(keys.hasToolResult('c2')).toBe(false);
    expect(keys.hasToolResult('c2:untrusted')).toBe(true);
  });
});
