import { describe, expect, it } from 'vitest';
import { DATA_ONLY_BINARIES, DESTRUCTIVE_BINARIES, NETWORK_BINARIES, POSIX_SHELLS, PRIVILEGED_BINARIES, READ_ONLY_BINARIES, UNCERTAIN_BUILTINS } from './command-categories.js';

describe('command categories', () => {
  it('should never call a program that writes, runs code or reaches the network read-only or data-only', () => {
    for (const bin of [...DESTRUCTIVE_BINARIES, ...NETWORK_BINARIES, ...PRIVILEGED_BINARIES, ...POSIX_SHELLS, ...Object.keys(UNCERTAIN_BUILTINS)]) {
      expect(READ_ONLY_BINARIES.has(bin), bin).toBe(false);
      expect(DATA_ONLY_BINARIES.has(bin), bin).toBe(false);
    }
  });

  it('should keep the data-only and read-only lists apart', () => {
    for (const bin of DATA_ONLY_BINARIES) expect(READ_ONLY_BINARIES.has(bin), bin).toBe(false);
  });
});
