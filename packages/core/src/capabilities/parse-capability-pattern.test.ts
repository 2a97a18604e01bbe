import { describe, expect, it } from 'vitest';
import { parseCapabilityPattern, parseHostPattern } from './parse-capability-pattern.js';

describe('parseCapabilityPattern', () => {
  describe('valid patterns', () => {
    it.each([
      ['tool:send_email', { type: 'tool', text: 'tool:send_email', glob: 'send_email' }],
      ['tool:*', { type: 'tool', text: 'tool:*', glob: '*' }],
      ['tool:mcp:github:*', { type: 'tool', text: 'tool:mcp:github:*', glob: 'mcp:github:*' }],
      ['tool:read_?', { type: 'tool', text: 'tool:read_?', glob: 'read_?' }],
      ['cmd', { type: 'cmd', text: 'cmd', tokens: ['*'] }],
      ['cmd:*', { type: 'cmd', text: 'cmd:*', tokens: ['*'] }],
      ['cmd:git', { type: 'cmd', text: 'cmd:git', tokens: ['git'] }],
      ['cmd:git:push:*:--force', { type: 'cmd', text: 'cmd:git:push:*:--force', tokens: ['git', 'push', '*', '--force'] }],
      ['cmd:/usr/bin/Git:status', { type: 'cmd', text: 'cmd:/usr/bin/Git:status', tokens: ['git', 'status'] }],
      ['cmd:*:--force', { type: 'cmd', text: 'cmd:*:--force', tokens: ['*', '--force'] }],
      ['fs:r:./src/**', { type: 'fs', text: 'fs:r:./src/**', mode: 'r', glob: './src/**' }],
      ['fs:w:/tmp/**', { type: 'fs', text: 'fs:w:/tmp/**', mode: 'w', glob: '/tmp/**' }],
      ['fs:rw:~/notes/*.md', { type: 'fs', text: 'fs:rw:~/notes/*.md', mode: 'rw', glob: '~/notes/*.md' }],
      ['fs:r:~', { type: 'fs', text: 'fs:r:~', mode: 'r', glob: '~' }],
      ['fs:r:**/.env*', { type: 'fs', text: 'fs:r:**/.env*', mode: 'r', glob: '**/.env*' }],
      ['fs:r:/Users/me/My Documents/**', { type: 'fs', text: 'fs:r:/Users/me/My Documents/**', mode: 'r', glob: '/Users/me/My Documents/**' }],
      ['fs:r:C:foo', { type: 'fs', text: 'fs:r:C:foo', mode: 'r', glob: 'C:foo' }],
    ])('should parse %j', (text, pattern) => {
      expect(parseCapabilityPattern(text)).toEqual({ type: 'ok', pattern });
    });
  });

  describe('invalid patterns', () => {
    it.each([
      ['', 'pattern `` has an unknown kind ``'],
      ['network', 'pattern `network` has an unknown kind `network`'],
      ['op:cmd:git', 'pattern `op:cmd:git` has an unknown kind `op`'],
      ['Tool:x', 'unknown kind `Tool`'],
      ['tool', 'pattern `tool` has no tool glob'],
      ['tool:', 'pattern `tool:` has no tool glob'],
      ['tool:send email', 'contains whitespace'],
      ['cmd:', 'pattern `cmd:` has an empty token'],
      ['cmd:git::push', 'pattern `cmd:git::push` has an empty token'],
      ['cmd:git:', 'has an empty token'],
      ['cmd:git push', 'has whitespace in token `git push`'],
      ['cmd:git:push*', 'has `*` inside token `push*`'],
      ['cmd:/usr/bin/', 'has no command name in `/usr/bin/`'],
      ['fs', 'pattern `fs` has no mode and glob'],
      ['fs:r', 'pattern `fs:r` has no mode and glob'],
      ['fs:x:/tmp', 'pattern `fs:x:/tmp` has an unknown mode `x`: expected `fs:r:<glob>`, `fs:w:<glob>` or `fs:rw:<glob>`'],
      ['fs:read:/tmp', 'has an unknown mode `read`'],
      ['fs:r:', 'pattern `fs:r:` has an empty glob'],
      ['fs:r: /tmp', 'leading or trailing whitespace'],
      ['fs:r:!/tmp/**', 'negated globs are not supported'],
      ['fs:r:~bob/.ssh/**', 'starts with `~bob`'],
      [`fs:r:${'/{a,b}'.repeat(10)}`, 'cannot be compiled'],
      ['cmd:git\u0000', 'contains a control character'],
      [`tool:${'a'.repeat(5000)}`, 'is longer than 4096 characters'],
    ])('should refuse %j', (text, message) => {
      const result = parseCapabilityPattern(text);
      expect(result.type).toBe('error');
      expect(result.type === 'error' && result.message).toContain(message);
    });

    it('should refuse a value that is not a string', () => {
      expect(parseCapabilityPattern(Object.create(null) as string)).toMatchObject({ type: 'error', message: expect.stringContaining('not a string') });
    });

    it('should write one sentence without a trailing period', () => {
      const result = parseCapabilityPattern('fs:x:/tmp');
      expect(result).toEqual({
        type: 'error',
        message: 'pattern `fs:x:/tmp` has an unknown mode `x`: expected `fs:r:<glob>`, `fs:w:<glob>` or `fs:rw:<glob>`',
      });
    });
  });
});

describe('parseHostPattern', () => {
  it.each([
    ['*', { type: 'any', text: '*' }],
    ['example.com', { type: 'exact', text: 'example.com', host: 'example.com' }],
    ['example.com.', { type: 'exact', text: 'example.com.', host: 'example.com' }],
    ['api.github.com', { type: 'exact', text: 'api.github.com', host: 'api.github.com' }],
    ['localhost', { type: 'exact', text: 'localhost', host: 'localhost' }],
    ['127.0.0.1', { type: 'exact', text: '127.0.0.1', host: '127.0.0.1' }],
    ['*.example.com', { type: 'subdomains', text: '*.example.com', domain: 'example.com' }],
    ['*.my-corp.io', { type: 'subdomains', text: '*.my-corp.io', domain: 'my-corp.io' }],
  ])('should parse %j', (text, pattern) => {
    expect(parseHostPattern(text)).toEqual({ type: 'ok', pattern });
  });

  it.each([
    ['', 'is empty'],
    ['*example.com', 'has `*` outside a leading `*.` label'],
    ['a.*.com', 'has `*` outside a leading `*.` label'],
    ['*.*.com', 'has `*` outside a leading `*.` label'],
    ['**', 'has `*` outside a leading `*.` label'],
    ['*.', 'has an invalid label ``'],
    ['example.com:443', 'has a port'],
    ['Example.com', 'has upper-case letters: write it in lower case, e.g. `example.com`'],
    ['exa_mple.com', 'has an invalid label `exa_mple`'],
    ['-bad.com', 'has an invalid label `-bad`'],
    ['a..com', 'has an invalid label ``'],
    ['https://example.com', 'has an invalid label'],
    ['exa mple.com', 'has an invalid label `exa mple`'],
    [`${'a'.repeat(64)}.com`, 'has an invalid label'],
  ])('should refuse %j', (text, message) => {
    const result = parseHostPattern(text);
    expect(result.type).toBe('error');
    expect(result.type === 'error' && result.message).toContain(message);
  });
});
