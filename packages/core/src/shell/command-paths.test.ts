import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from './analyze-command.js';
import { commandPaths } from './command-paths.js';

const ROOT = mkdtempSync(join(tmpdir(), 'labelflow-paths-'));
const HOME = join(ROOT, 'home');
const WORK = join(ROOT, 'work');
mkdirSync(join(HOME, '.ssh'), { recursive: true });
mkdirSync(join(WORK, 'src', 'deep'), { recursive: true });
writeFileSync(join(HOME, '.ssh', 'id_rsa'), 'key');
for (const file of ['src/a.ts', 'src/b.ts', 'src/deep/c.ts', 'id_rsa', 'plain']) writeFileSync(join(WORK, file), 'x');
symlinkSync(join(HOME, '.ssh'), join(WORK, 'keys'));
symlinkSync(ROOT, join(WORK, 'up'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

function paths(command: string): string[] {
  const analysis = analyzeCommand(command, { env: { HOME, PWD: WORK } });
  if (analysis.type !== 'parsed') throw new Error(analysis.reason);
  const found = commandPaths(analysis, { cwd: WORK, homeDir: HOME });
  if (found.type !== 'paths') throw new Error(found.reason);
  return found.paths.map((path) => `${path.mode}:${path.path.replace(ROOT, '')}`).sort();
}

describe('commandPaths', () => {
  it('should resolve ~, .., repeated separators and relative paths', () => {
    expect(paths('cat ~/.ssh//id_rsa ./src/../plain')).toEqual(['r:/home/.ssh/id_rsa', 'r:/work/plain']);
    expect(paths('cat ../../../../../etc/passwd')).toEqual(['r:/etc/passwd']);
  });

  it('should resolve symbolic links and keep the path as written', () => {
    expect(paths('cat keys/id_rsa')).toEqual(['r:/home/.ssh/id_rsa', 'r:/work/keys/id_rsa']);
    expect(paths('cat up/home/.ssh/new-file')).toEqual(['r:/home/.ssh/new-file', 'r:/work/up/home/.ssh/new-file']);
  });

  it('should give writes for redirections and both modes for programs that may write', () => {
    expect(paths('echo x > out.txt')).toEqual(['w:/work/out.txt']);
    expect(paths('cp plain copy')).toEqual(['r:/work/plain', 'w:/work/copy']);
    expect(paths('touch plain')).toEqual(['r:/work/plain', 'w:/work/plain']);
    expect(paths('node plain')).toEqual(['r:/work/plain']);
  });

  it('should count existing names and skip words that are not files', () => {
    expect(paths('cat id_rsa')).toEqual(['r:/work/id_rsa']);
    expect(paths('grep -n pattern plain')).toEqual(['r:/work/plain']);
    expect(paths('curl -s https://a.io/x/y')).toEqual([]);
    expect(paths('scp plain me@h.io:/tmp/')).toEqual(['r:/work/plain', 'w:/work/plain']);
    expect(paths('ls 2>/dev/null > /dev/stderr')).toEqual([]);
  });

  it('should read option values and curl @files', () => {
    expect(paths('sort --output=out/sorted --key=2 plain')).toEqual(['r:/work/out/sorted', 'r:/work/plain', 'w:/work/out/sorted', 'w:/work/plain']);
    expect(paths('curl -d @plain https://a.io')).toEqual(['r:/work/plain', 'w:/work/plain']);
  });

  it('should expand globs against the filesystem, dotfiles included', () => {
    expect(paths('cat src/*.ts')).toEqual(['r:/work/src/*.ts', 'r:/work/src/a.ts', 'r:/work/src/b.ts']);
    expect(paths('cat ~/.ss?/*')).toEqual(['r:/home/.ss?/*', 'r:/home/.ssh/id_rsa']);
    expect(paths('cat ~/*/id_rsa')).toEqual(['r:/home/*/id_rsa', 'r:/home/.ssh/id_rsa']);
  });

  it('should resolve relative paths against every directory the command changes into', () => {
    expect(paths('cd ~/.ssh && cat id_rsa')).toEqual(['r:/home/.ssh', 'r:/home/.ssh/id_rsa', 'r:/work/id_rsa']);
    expect(paths('git -C src/deep log c.ts')).toEqual(expect.arrayContaining(['r:/work/src/deep/c.ts']));
  });

  it('should refuse a glob with too many matches', () => {
    for (let index = 0; index < 1001; index += 1) writeFileSync(join(WORK, 'src', `f${index}.txt`), '');
    const analysis = analyzeCommand('cat src/*.txt');
    expect(analysis.type === 'parsed' && commandPaths(analysis, { cwd: WORK, homeDir: HOME })).toMatchObject({ type: 'uncertain' });
  });
});
