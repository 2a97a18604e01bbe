import { describe, expect, it } from 'vitest';
import { describeSuiteSecurity } from '../../harness/describe-suite-security.js';
import { WORKSPACE_SUITE } from './index.js';

describe('workspace suite definition', () => {
  it('should define user tasks and injection tasks with distinct ids', () => {
    const ids = [...WORKSPACE_SUITE.userTasks.map((task) => task.id), ...WORKSPACE_SUITE.injectionTasks.map((task) => task.id)];
    expect(WORKSPACE_SUITE.userTasks.length).toBeGreaterThan(0);
    expect(WORKSPACE_SUITE.injectionTasks.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

// The thresholds (no breach a profile should block, a 100 % no-middleware baseline, no unexpected false positive)
// are asserted by the shared harness for every suite.
describeSuiteSecurity(WORKSPACE_SUITE);
