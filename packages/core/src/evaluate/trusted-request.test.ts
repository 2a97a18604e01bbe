import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as core from '../index.js';
import { createContentIndex } from '../grounding/index.js';
import { makeDescriptor } from '../labels/descriptor.js';
import { compilePolicy } from '../policy/compile-policy.js';
import { groundArgument, novelDescriptor } from '../session/ground-arguments.js';
import { createSecretVault } from '../session/secret-vault.js';
import { extractUrls } from '../text/index.js';
import { evaluate } from './evaluate.js';
import type { ToolCallRequest } from './tool-call-request.js';
import { isSessionRequest, markSessionRequest } from './trusted-request.js';

const POLICY = compilePolicy({
  tools: { post: { labels: ['exfil:send', 'net:w'], controlArgs: ['to'] } },
  urls: { allow: ['https://docs.corp.io/'] },
  capabilities: { network: { deny: ['evil.com'] } },
});
const PIECES = ['https://', 'http://', 'www.', 'docs.corp.io/a', 'evil.com', 'a.com', '"@', ' ', '\n', ',', '(', "'", 'x', '.', '/p'];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((pieces) => pieces.join(''));

function sources() {
  const index = createContentIndex();
  index.register({ id: 'user', content: 'see https://a.com and https://docs.corp.io/a', descriptor: makeDescriptor({ labels: ['known', 'trusted'], taint: ['src:user'] }) });
  return { index, vault: createSecretVault(), novel: novelDescriptor(false) };
}

describe('markSessionRequest', () => {
  it('should not be reachable from the package', () => {
    expect(Object.keys(core)).not.toContain('markSessionRequest');
    expect(Object.keys(core)).not.toContain('isSessionRequest');
  });

  it('should mark only the very object the session built', () => {
    const request: ToolCallRequest = { tool: 'post', args: {} };
    markSessionRequest(request);
    expect(isSessionRequest(request)).toBe(true);
    expect(isSessionRequest({ ...request })).toBe(false);
    expect(isSessionRequest('post')).toBe(false);
  });

  // What the mark relies on: grounding grounds every URL `extractUrls` finds in a string argument.
  it('should rely on nothing grounding does not give', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const grounded = groundArgument(text, sources()).urls?.map((url) => url.url) ?? [];
        for (const url of extractUrls(text)) expect(grounded).toContain(url);
      }),
      { numRuns: 500 },
    );
  });

  it('should never change a decision', () => {
    fc.assert(
      fc.property(textArb, textArb, (to, body) => {
        const request = (): ToolCallRequest => ({ tool: 'post', args: { to: groundArgument(to, sources()), body: groundArgument(body, sources()) } });
        expect(evaluate(POLICY, markSessionRequest(request()))).toEqual(evaluate(POLICY, request()));
      }),
      { numRuns: 500 },
    );
  });
});
