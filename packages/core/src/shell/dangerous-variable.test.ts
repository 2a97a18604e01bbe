import { describe, expect, it } from 'vitest';
import { isDangerousVariable } from './dangerous-variable.js';

describe('isDangerousVariable', () => {
  it.each(['PATH', 'IFS', 'BASH_ENV', 'LD_PRELOAD', 'DYLD_INSERT_LIBRARIES', 'GIT_SSH_COMMAND', 'GIT_DIR', 'PAGER', 'NODE_OPTIONS', 'HOME', 'npm_config_script_shell'])(
    'should flag %s',
    (name) => {
      expect(isDangerousVariable(name)).toBe(true);
    },
  );

  it.each(['NODE_ENV', 'FOO', 'GIT_AUTHOR_NAME', 'GIT_COMMITTER_EMAIL', 'LANG', 'DEBUG'])('should not flag %s', (name) => {
    expect(isDangerousVariable(name)).toBe(false);
  });
});
