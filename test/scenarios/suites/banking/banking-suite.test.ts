import { describe, expect, it } from 'vitest';
import { describeSuiteSecurity } from '../../harness/describe-suite-security.js';
import { BANKING_SUITE } from './index.js';

describe('banking suite definition', () => {
  it('should define user tasks and injection tasks with distinct ids', () => {
    const ids = [...BANKING_SUITE.userTasks.map((task) => task.id), ...BANKING_SUITE.injectionTasks.map((task) => task.id)];
    expect(BANKING_SUITE.userTasks.length).toBeGreaterThan(0);
    expect(BANKING_SUITE.injectionTasks.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

// The thresholds (no breach a profile should block, a 100 % no-middleware baseline, no unexpected false positive)
// are asserted by the shared harness for every suite.
describeSuiteSecurity(BANKING_SUITE);
