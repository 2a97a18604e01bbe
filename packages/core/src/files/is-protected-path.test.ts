import { describe, expect, it } from 'vitest';
import { isProtectedPath } from './is-protected-path.js';

const HOME = { homeDir: '/home/u' };

describe('isProtectedPath', () => {
  it.each([
    ['/home/u/.ssh/id_rsa', 'r', true],
    ['/home/u/.SSH/id_rsa', 'r', true],
    ['/work/app/.env', 'r', true],
    ['/work/app/certs/a.pem', 'r', true],
    ['/home/u/.bashrc', 'w', true],
    ['/home/u/.bashrc', 'r', false],
    ['/work/app/README.md', 'r', false],
    ['/work/app/.labelflow/ledger.jsonl', 'w', true],
  ] as const)('%s (%s) should be %s', (path, mode, expected) => {
    expect(isProtectedPath(path, mode, HOME)).toBe(expected);
  });

  it('should still protect home paths matched anywhere when the home directory is unknown', () => {
    expect(isProtectedPath('/x/.ssh/id_rsa', 'r', { homeDir: undefined })).toBe(true);
  });
});
