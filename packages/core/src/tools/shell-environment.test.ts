import { describe, expect, it } from 'vitest';
import { defaultShellEnvironment } from './shell-environment.js';

describe('defaultShellEnvironment', () => {
  it('should keep what programs need and drop everything else', () => {
    expect(defaultShellEnvironment({ PATH: '/bin', HOME: '/home/u', LANG: 'C.UTF-8', OPENAI_API_KEY: 'sk-x', AWS_SECRET_ACCESS_KEY: 'y', TERM: 'xterm' })).toEqual({
      PATH: '/bin',
      HOME: '/home/u',
      LANG: 'C.UTF-8',
      TERM: 'dumb',
    });
  });

  it('should fill in PATH and HOME when the process has none', () => {
    const env = defaultShellEnvironment({});
    expect(env['PATH']).toBe('/usr/local/bin:/usr/bin:/bin');
    expect(typeof env['HOME']).toBe('string');
  });
});
