import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realPath } from './real-path.js';

const ROOT = realPath(mkdtempSync(join(tmpdir(), 'labelflow-real-')));
mkdirSync(join(ROOT, 'target', 'inner'), { recursive: true });
symlinkSync(join(ROOT, 'target'), join(ROOT, 'link'));
symlinkSync(join(ROOT, 'missing'), join(ROOT, 'dangling'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe('realPath', () => {
  it('should resolve links in the existing prefix and append the rest', () => {
    expect(realPath(join(ROOT, 'link', 'inner'))).toBe(join(ROOT, 'target', 'inner'));
    expect(realPath(join(ROOT, 'link', 'new', 'file'))).toBe(join(ROOT, 'target', 'new', 'file'));
  });

  it('should keep a path whose prefix does not exist, and a dangling link as written', () => {
    expect(realPath('/definitely/not/here')).toBe('/definitely/not/here');
    expect(realPath(join(ROOT, 'dangling', 'x'))).toBe(join(ROOT, 'dangling', 'x'));
  });
});
