import { describe, expect, it } from 'vitest';
import { argDigests } from './arg-digests.js';
import { digestValue } from './digest.js';

describe('argDigests', () => {
  it('should digest each argument on first use only, and hand each use its own record', () => {
    let reads = 0;
    const args = {
      to: 'rita@corp.io',
      get body() {
        reads += 1;
        return { text: 'hi' };
      },
    };
    const digests = argDigests(args);
    expect(reads).toBe(0);
    const first = digests();
    expect(first).toEqual({ to: digestValue('rita@corp.io'), body: digestValue({ text: 'hi' }) });
    const second = digests();
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(reads).toBe(1);
  });
});
