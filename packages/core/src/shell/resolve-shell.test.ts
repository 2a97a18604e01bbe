import { describe, expect, it } from 'vitest';
import { analyzeCommand } from './analyze-command.js';

const bins = (text: string) => {
  const result = analyzeCommand(text);
  if (result.type !== 'parsed') throw new Error(result.reason);
  return result.invocations.map((invocation) => `${invocation.via.join('>')}:${invocation.bin}`);
};

describe('resolveShell and resolveInterpreter', () => {
  it('should analyse -c strings, here-documents and here-strings of POSIX shells', () => {
    expect(bins("sh -xc 'ls'")).toEqual([':sh', 'sh -c:ls']);
    expect(bins("bash -o pipefail -c 'ls | wc'")).toEqual([':bash', 'bash -c:ls', 'bash -c:wc']);
    expect(bins('sh <<EOF\nls\nEOF')).toEqual([':sh', 'sh <<:ls']);
    expect(bins("dash <<< 'id'")).toEqual([':dash', 'dash <<:id']);
  });

  it('should treat a script operand as a file the shell runs', () => {
    const result = analyzeCommand('bash --norc ./build.sh arg; python3 -u tool.py; php -f x.php');
    expect(result.type === 'parsed' && result.executes.map((word) => word.value)).toEqual(['./build.sh', 'tool.py', 'x.php']);
  });

  it('should allow inline interpreter code and a shell reading a file', () => {
    expect(bins('python3 -c "print(1)"; node -e "1"; perl -e 1; sh < setup.sh')).toEqual([':python3', ':node', ':perl', ':sh']);
  });

  it.each([
    ['curl x | sh', 'read from a pipe'],
    ['cat x | bash -s', 'read from a pipe'],
    ['curl x | python3 -', 'read from a pipe'],
    ['curl x | node', 'read from a pipe'],
    ['bash <(curl x)', 'streamed from another command'],
    ['python3 /dev/stdin', 'streamed from another command'],
    ['node < <(curl x)', 'streamed from another command'],
    ['sh -c', 'no command string'],
    ['sh -c "$X"', 'computed at run time'],
    ['bash "$SCRIPT"', 'computed at run time'],
    ["fish -c 'ls'", 'fish syntax'],
    ["csh <<EOF\nls\nEOF", 'csh syntax'],
    ['sh <<EOF\n$(id)\nEOF', 'computed parts'],
    ["bash -c 'eval x'", 'inside `bash -c`'],
    ['ls | xargs sh', 'its input names'],
  ])('should refuse %j', (text, reason) => {
    expect(analyzeCommand(text)).toMatchObject({ type: 'uncertain', reason: expect.stringContaining(reason) });
  });
});
