import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { globFiles } from './glob-files.js';
import { realPath } from './real-path.js';

const ROOT = realPath(mkdtempSync(join(tmpdir(), 'labelflow-glob-')));
mkdirSync(join(ROOT, '.hidden'));
mkdirSync(join(ROOT, 'src'));
for (const file of ['src/a.ts', 'src/b.ts', 'src/c.md', '.hidden/key', 'x*y']) writeFileSync(join(ROOT, file), '');
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe('globFiles', () => {
  it('should expand each segment against the directory', () => {
    expect(globFiles(`${ROOT}/src/*.ts`)?.sort()).toEqual([join(ROOT, 'src/a.ts'), join(ROOT, 'src/b.ts')]);
    expect(globFiles(`${ROOT}/*/key`)).toEqual([join(ROOT, '.hidden/key')]);
    expect(globFiles(`${ROOT}/src/[ab].ts`)?.sort()).toEqual([join(ROOT, 'src/a.ts'), join(ROOT, 'src/b.ts')]);
  });

  it('should read escaped characters literally', () => {
    expect(globFiles(`${ROOT}/x\\*y`)).toEqual([join(ROOT, 'x*y')]);
  });

  it('should give nothing for an unreadable directory and undefined past the limit', () => {
    expect(globFiles(`${ROOT}/nope/*`)).toEqual([]);
    expect(globFiles(`${ROOT}/src/*`, { limit: 2 })).toBeUndefined();
  });
});
