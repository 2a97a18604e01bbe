import type { ShellWord } from './shell-word.js';
import { splitOptions } from './split-options.js';
import { uncertain } from './uncertain-syntax.js';

/** Options with a value, per network binary (so the value is not read as a destination). */
const WITH_VALUE: Readonly<Record<string, readonly string[]>> = {
  curl: [
    '-A', '-b', '-c', '-C', '-d', '-D', '-e', '-E', '-F', '-H', '-m', '-o', '-P', '-Q', '-r', '-T', '-u', '-U', '-w', '-x', '-X', '-y', '-Y', '-z',
    '--data', '--data-raw', '--data-binary', '--data-urlencode', '--data-ascii', '--json', '--header', '--user-agent', '--referer', '--cookie',
    '--cookie-jar', '--form', '--form-string', '--max-time', '--connect-timeout', '--retry', '--cacert', '--cert', '--key', '--output', '--user',
    '--request', '--proxy', '--url', '--upload-file', '--write-out', '--resolve', '--connect-to', '--oauth2-bearer', '--unix-socket', '--range',
    '--limit-rate', '--max-filesize', '--interface', '--dump-header', '--trace', '--trace-ascii', '--stderr', '--output-dir', '--retry-delay',
  ],
  wget: ['-O', '-o', '-a', '-P', '-U', '-e', '-i', '--input-file', '-t', '-T', '-w', '-Q', '-l', '-B', '--header', '--post-data', '--post-file', '--body-data', '--body-file', '--method', '--user', '--password', '--output-document', '--output-file', '--directory-prefix', '--user-agent', '--tries', '--timeout', '--wait', '--referer', '--load-cookies', '--save-cookies', '--execute'],
  nc: ['-p', '-s', '-w', '-x', '-X', '-i', '-q', '-W', '-T', '-I', '-O', '-V', '-M', '-m'],
  ssh: ['-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-Q', '-R', '-S', '-W', '-w', '-B'],
  scp: ['-c', '-D', '-F', '-i', '-J', '-l', '-o', '-P', '-S', '-X'],
  sftp: ['-B', '-b', '-c', '-D', '-F', '-i', '-J', '-l', '-o', '-P', '-R', '-S', '-s', '-X'],
  rsync: ['-e', '--rsh', '--rsync-path', '-f', '--filter', '--exclude', '--include', '--exclude-from', '--include-from', '--files-from', '--log-file', '--password-file', '-T', '--temp-dir', '--partial-dir', '--backup-dir', '--chmod', '--chown', '--port', '--timeout', '--compare-dest', '--copy-dest', '--link-dest', '-B', '--block-size', '-M', '--remote-option'],
  telnet: ['-l', '-b', '-e', '-n'],
  ftp: ['-P', '-o', '-s', '-T'],
};
// ssh options whose value runs a local command.
const SSH_LOCAL_COMMAND = /^(?:proxycommand|localcommand|permitlocalcommand|knownhostscommand|match)\b/iu;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//iu;
const USER_HOST = /^(?:[^@/\s]+@)?(\[[^\]]+\]|[^:/\s]+)/u;

/**
 * The hosts a network binary reaches, read from its operands and options (`curl https://a.io`, `ssh user@b.io`,
 * `scp f c.io:`, `nc d.io 80`, `curl -x proxy.io`). A destination that cannot be known before the call (a
 * computed word, `wget -i list.txt`) is `undefined`, which fails closed against `capabilities.network`. Options
 * that run a local program (`ssh -o ProxyCommand`, `nc -e`, `scp -S`) are refused.
 *
 * @example
 * ```ts
 * networkDestinations('curl', words('-s https://api.github.com/x -o out.json')); // ['api.github.com']
 * ```
 */
export function networkDestinations(bin: string, args: readonly ShellWord[]): { host: string | undefined; source: string }[] {
  const family = bin === 'ncat' || bin === 'netcat' ? 'nc' : bin;
  const { options, rest } = splitOptions(args, { withValue: WITH_VALUE[family] ?? [], stopAtOperand: false });
  const found: { host: string | undefined; source: string }[] = [];
  const add = (source: string | undefined, ...hosts: (string | undefined)[]) => {
    for (const host of hosts) found.push({ host, source: source ?? '(computed)' });
  };
  const byName = (...names: string[]) => options.filter((option) => names.includes(option.name));
  for (const option of byName('-o')) {
    if (family !== 'ssh' && family !== 'scp' && family !== 'sftp') break;
    const value = option.attached ?? option.value?.value;
    if (value === undefined || SSH_LOCAL_COMMAND.test(value)) uncertain(`\`${bin} -o ${value ?? '…'}\` can run a local command`);
    if (/^proxyjump[= ]/iu.test(value)) add(value, ...value.replace(/^proxyjump[= ]\s*/iu, '').split(',').map(hostOf));
  }
  if (family === 'nc' && options.some((option) => ['-e', '-c', '--exec', '--sh-exec', '--lua-exec'].includes(option.name))) uncertain(`\`${bin} -e\` runs a program for the connection`);
  if ((family === 'scp' || family === 'sftp') && byName('-S', '-D').length > 0) uncertain(`\`${bin} -S\` runs another program as its transport`);
  if (family === 'wget') for (const option of byName('-i', '--input-file')) add(option.value?.source, undefined);
  for (const option of byName('-x', '--proxy', '--url', '-J')) {
    const value = option.attached ?? option.value?.value;
    add(value, option.name === '--url' ? urlHostOf(value) : hostOf(value?.replace(/^[a-z0-9+.-]+:\/\//iu, '')));
  }
  for (const word of rest) {
    if (family === 'curl' || family === 'wget') add(word.value, urlHostOf(word.value));
    else if (family === 'scp' || family === 'rsync') add(word.value, ...remoteHostOf(word.value));
    else if (family === 'socat') add(word.value, ...socatHostOf(word.value));
  }
  const listens = family === 'nc' && options.some((option) => option.name === '-l');
  const [first] = rest;
  // ssh, sftp, nc, telnet, ftp: the first operand is the destination.
  if (!['curl', 'wget', 'scp', 'rsync', 'socat'].includes(family) && !listens && first !== undefined) {
    add(first.value, first.value === undefined ? undefined : hostOf(first.value.replace(/^(?:ssh|sftp):\/\//iu, '')));
  }
  return found;
}

/** True when an rsync or scp operand names another machine. */
export function isRemoteOperand(text: string | undefined): boolean {
  return text === undefined || /^[a-z]+:\/\//iu.test(text) || /^[^/]*[^/\\]:/u.test(text);
}

function urlHostOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  // curl reads a word without a scheme as an http URL.
  const withScheme = URL_SCHEME.test(text) ? text : `http://${text}`;
  try {
    const host = new URL(withScheme).hostname;
    // curl expands `{a,b}` and `[1-3]` in URLs itself: such a host is not one known host.
    return host === '' || /[{}]/u.test(text.split('/')[2] ?? text) ? undefined : host.replace(/\.$/u, '');
  } catch {
    return undefined;
  }
}

function remoteHostOf(text: string | undefined): (string | undefined)[] {
  if (!isRemoteOperand(text)) return [];
  if (text === undefined) return [undefined];
  if (URL_SCHEME.test(text)) return [urlHostOf(text)];
  return [hostOf(text.slice(0, text.indexOf(':')))];
}

function socatHostOf(text: string | undefined): (string | undefined)[] {
  if (text === undefined) return [undefined];
  if (/^(?:exec|system):/iu.test(text)) uncertain('`socat EXEC:`/`SYSTEM:` runs a program for the connection');
  const match = /^(?:tcp|tcp4|tcp6|udp|udp4|udp6|openssl|ssl|proxy|socks4a?):([^:,]+)/iu.exec(text);
  return match === null ? [] : [hostOf(match[1])];
}

function hostOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const host = USER_HOST.exec(text.trim())?.[1];
  return host === undefined || host === '' ? undefined : host.toLowerCase();
}
