import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realPath } from './real-path.js';
import { resolveToolPath } from './resolve-tool-path.js';

const ROOT = realPath(mkdtempSync(join(tmpdir(), 'labelflow-resolve-')));
const APP = join(ROOT, 'app');
const HOME = join(ROOT, 'home');
mkdirSync(join(APP, 'src'), { recursive: true });
mkdirSync(join(HOME, '.ssh'), { recursive: true });
mkdirSync(join(ROOT, 'shared'));
writeFileSync(join(APP, 'src', 'a.ts'), 'x');
symlinkSync(join(HOME, '.ssh'), join(APP, 'keys'));
symlinkSync(join(APP, 'src'), join(APP, 'alias'));
symlinkSync('../../shared', join(APP, 'src', 'escape'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const OPTIONS = { root: APP, roots: [APP], homeDir: HOME };

describe('resolveToolPath', () => {
  it.each([
    ['src/a.ts', 'src/a.ts'],
    ['./src//a.ts', 'src/a.ts'],
    ['src/../src/./a.ts', 'src/a.ts'],
    [`${APP}/src/a.ts`, 'src/a.ts'],
    ['alias/a.ts', 'src/a.ts'],
    ['new/dir/file.txt', 'new/dir/file.txt'],
    ['.', '.'],
  ])('should keep %j inside the root as %j', (input, relative) => {
    expect(resolveToolPath(input, OPTIONS)).toMatchObject({ type: 'inside', relative });
  });

  it.each([
    ['../home/.ssh/id_rsa', 'outside the allowed roots'],
    ['src/../../home', 'outside the allowed roots'],
    ['/etc/passwd', 'outside the allowed roots'],
    ['~/.ssh/id_rsa', 'outside the allowed roots'],
    ['keys/id_rsa', 'it leads to'],
    ['keys/not-yet-there', 'it leads to'],
    ['src/escape/file', 'it leads to'],
    ['a\u0000b', 'NUL'],
  ])('should refuse %j', (input, reason) => {
    expect(resolveToolPath(input, OPTIONS)).toMatchObject({ type: 'outside', reason: expect.stringContaining(reason) });
  });

  it('should accept any of several roots, and refuse ~ without a home directory', () => {
    expect(resolveToolPath('../shared/x', { ...OPTIONS, roots: [APP, join(ROOT, 'shared')] })).toMatchObject({ type: 'inside', relative: 'x' });
    expect(resolveToolPath('~/x', { ...OPTIONS, homeDir: undefined })).toMatchObject({ type: 'outside', reason: expect.stringContaining('home directory is unknown') });
  });

  it('should give the normalised and the real path', () => {
    expect(resolveToolPath('alias//a.ts', OPTIONS)).toEqual({ type: 'inside', path: join(APP, 'alias', 'a.ts'), real: join(APP, 'src', 'a.ts'), relative: 'src/a.ts' });
  });
});
