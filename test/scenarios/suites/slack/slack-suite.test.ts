import { describe, expect, it } from 'vitest';
import { describeSuiteSecurity } from '../../harness/describe-suite-security.js';
import { SLACK_SUITE } from './index.js';

describe('slack suite definition', () => {
  it('should define user tasks and injection tasks with distinct ids', () => {
    const ids = [...SLACK_SUITE.userTasks.map((task) => task.id), ...SLACK_SUITE.injectionTasks.map((task) => task.id)];
    expect(SLACK_SUITE.userTasks.length).toBeGreaterThan(0);
    expect(SLACK_SUITE.injectionTasks.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

// The thresholds (no breach a profile should block, a 100 % no-middleware baseline, no unexpected false positive)
// are asserted by the shared harness for every suite.
describeSuiteSecurity(SLACK_SUITE);
