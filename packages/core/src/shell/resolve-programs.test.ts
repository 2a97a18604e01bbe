import { describe, expect, it } from 'vitest';
import { analyzeCommand } from './analyze-command.js';

function analysis(text: string) {
  const result = analyzeCommand(text);
  if (result.type !== 'parsed') throw new Error(result.reason);
  return result;
}

const writes = (text: string) => analysis(text).files.filter((file) => file.mode === 'w').map((file) => file.word.value);

describe('PROGRAMS', () => {
  it('should know the files cp, mv, install, ln, tee and network downloads write', () => {
    expect(writes('cp a b dir/')).toEqual(['dir/']);
    expect(writes('cp -t dir a b')).toEqual(['dir']);
    expect(writes('mv a b')).toEqual(['b']);
    expect(writes('ln -s target name')).toEqual(['name']);
    expect(writes('tee -a x y')).toEqual(['x', 'y']);
    expect(writes('curl -o out.html https://a.io; wget -O page https://b.io')).toEqual(['out.html', 'page']);
  });

  it('should label network binaries, and rsync only with a remote operand', () => {
    expect(analysis('rsync -a src/ dst/').invocations[0]?.risks).toEqual([]);
    expect(analysis('rsync -a src/ h.io:dst/').invocations[0]?.risks).toEqual(['network']);
    expect(analysis('rsync -a src/ h.io:dst/').destinations.map((destination) => destination.host)).toEqual(['h.io']);
  });

  it('should record tar and make directories', () => {
    expect(analysis('tar -C out -xf a.tar; make -C build; tar --directory=x -cf y z').directories.map((word) => word.value)).toEqual(['out', 'build', 'x']);
  });

  it('should handle versioned interpreter names', () => {
    expect(analyzeCommand('curl x | python3.12')).toMatchObject({ type: 'uncertain' });
  });

  it.each([
    ['tar -xf a.tar --use-compress-program=./x', 'runs another program'],
    ['tar -I ./x -xf a.tar', 'runs another program'],
    ['zip -T -TT ./x a.zip f', 'runs another program'],
    ['printf -v x y', '`printf -v`'],
    ['declare -i x=1', '`declare -n`/`-i`'],
    ['local -n r=x', '`declare -n`/`-i`'],
    ['mapfile -C cb arr', '`mapfile -C`'],
    ['hash -p /tmp/x ls', '`hash -p`'],
    ["rsync -e \"$SSH\" a h:b", 'computed at run time'],
  ])('should refuse %j', (text, reason) => {
    expect(analyzeCommand(text)).toMatchObject({ type: 'uncertain', reason: expect.stringContaining(reason) });
  });
});
