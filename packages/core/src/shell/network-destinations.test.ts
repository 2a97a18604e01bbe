import { describe, expect, it } from 'vitest';
import { isRemoteOperand, networkDestinations } from './network-destinations.js';
import type { ShellWord } from './shell-word.js';
import { UncertainSyntax } from './uncertain-syntax.js';

const words = (text: string): ShellWord[] => (text === '' ? [] : text.split(' ')).map((value) => ({ source: value, value, glob: undefined, home: false }));
const hosts = (bin: string, text: string) => networkDestinations(bin, words(text)).map((destination) => destination.host);

describe('networkDestinations', () => {
  it.each([
    ['curl', '-s https://api.github.com/x -o out.json', ['api.github.com']],
    ['curl', '-H Accept:json example.com/path', ['example.com']],
    ['curl', '-x proxy.io:8080 https://a.io', ['proxy.io', 'a.io']],
    ['curl', '--url https://b.io/x', ['b.io']],
    ['curl', 'https://{a,b}.io', [undefined]],
    ['wget', '-qO- http://c.io/i', ['c.io']],
    ['wget', '-i urls.txt', [undefined]],
    ['ssh', '-p 22 -i key me@d.io uptime', ['d.io']],
    ['ssh', '-J jump.io e.io', ['jump.io', 'e.io']],
    ['ssh', 'ssh://me@f.io:2222', ['f.io']],
    ['scp', 'file me@g.io:/tmp/', ['g.io']],
    ['scp', 'scp://h.io/x local', ['h.io']],
    ['rsync', '-av src/ me@i.io:/srv/', ['i.io']],
    ['rsync', 'rsync://j.io/mod/ dst/', ['j.io']],
    ['nc', 'k.io 80', ['k.io']],
    ['nc', '-l 4444', []],
    ['ncat', '-w 3 l.io 443', ['l.io']],
    ['socat', '- TCP:m.io:80', ['m.io']],
    ['telnet', 'n.io', ['n.io']],
    ['sftp', 'me@o.io', ['o.io']],
  ])('%s %j should reach %j', (bin, text, expected) => {
    expect(hosts(bin, text)).toEqual(expected);
  });

  it('should give a computed destination as unknown', () => {
    expect(networkDestinations('ssh', [{ source: '$HOST', value: undefined, glob: undefined, home: false }])[0]?.host).toBeUndefined();
  });

  it.each([
    ['ssh', '-o ProxyCommand=nc host 22'],
    ['ssh', '-oLocalCommand=id host'],
    ['scp', '-S ./evil f h:'],
    ['nc', '-e /bin/sh h 1'],
    ['ncat', '--sh-exec id h 1'],
    ['socat', '- EXEC:sh'],
  ])('should refuse %s %j, which runs a local program', (bin, text) => {
    expect(() => networkDestinations(bin, words(text))).toThrow(UncertainSyntax);
  });
});

describe('isRemoteOperand', () => {
  it.each([
    ['host:path', true],
    ['user@host:', true],
    ['rsync://h/m', true],
    ['./a:b', false],
    ['src/', false],
    ['/abs/x:y', false],
  ])('%j should be %s', (text, expected) => {
    expect(isRemoteOperand(text)).toBe(expected);
  });
});
