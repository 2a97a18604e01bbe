import { describe, expect, it } from 'vitest';
import { expandGlob, expandPath } from './expand-path.js';

const CONTEXT = { homeDir: '/home/u', cwd: '/work/app' };
const UNKNOWN = { homeDir: undefined, cwd: undefined };

describe('expandPath', () => {
  it.each([
    ['/etc/hosts', '/etc/hosts'],
    ['/etc//hosts/', '/etc/hosts'],
    ['/work/app/src/../package.json', '/work/app/package.json'],
    ['/../../etc/passwd', '/etc/passwd'],
    ['src/index.ts', '/work/app/src/index.ts'],
    ['./src/./index.ts', '/work/app/src/index.ts'],
    ['../other', '/work/other'],
    ['~', '/home/u'],
    ['~/.ssh/id_rsa', '/home/u/.ssh/id_rsa'],
    ['~/../u/.ssh/id_rsa', '/home/u/.ssh/id_rsa'],
    ['~bob/x', '/work/app/~bob/x'],
  ])('should expand %j to %j', (path, expected) => {
    expect(expandPath(path, CONTEXT)).toBe(expected);
  });

  it.each([
    ['/etc/hosts', '/etc/hosts'],
    ['src/index.ts/', 'src/index.ts'],
    ['~/.ssh/id_rsa', '.ssh/id_rsa'],
  ])('should keep %j relative as %j when the base is unknown', (path, expected) => {
    expect(expandPath(path, UNKNOWN)).toBe(expected);
  });
});

describe('expandGlob', () => {
  it.each([
    ['./src/**', '/work/app/src/**', 3],
    ['src/**', '/work/app/src/**', 3],
    ['../shared/*.md', '/work/shared/*.md', 2],
    ['~/.ssh/**', '/home/u/.ssh/**', 3],
    ['~', '/home/u', 2],
    ['~/.npmrc', '/home/u/.npmrc', 3],
    ['/tmp/**', '/tmp/**', 1],
    ['/tmp/', '/tmp', 1],
    ['**/.env*', '**/.env*', 0],
    ['**/node_modules/**', '**/node_modules/**', 1],
    ['*', '**', 0],
    ['**', '**', 0],
    ['/a/{b,c}/d', '/a/{b,c}/d', 2],
    ['/a/@(b|c)/d', '/a/@(b|c)/d', 2],
    ['/a/node_modules/@types/x', '/a/node_modules/@types/x', 4],
  ])('should expand %j to %j with specificity %i', (glob, expected, specificity) => {
    expect(expandGlob(glob, CONTEXT)).toEqual({ type: 'glob', glob: expected, specificity });
  });

  it('should escape glob characters in the home and working directories', () => {
    expect(expandGlob('./src/**', { homeDir: '/home/u', cwd: '/work/[app]{x,y}' })).toEqual({
      type: 'glob',
      glob: '/work/\\[app\\]\\{x,y\\}/src/**',
      specificity: 3,
    });
  });

  it.each([
    ['~/.ssh/**', '**/.ssh/**'],
    ['~', '**'],
    ['./src/**', '**/src/**'],
  ])('should move %j under `**` as %j when its base is unknown', (glob, anywhere) => {
    expect(expandGlob(glob, UNKNOWN)).toMatchObject({ type: 'unknown-base', anywhere });
  });
});
