import { describe, expect, it } from 'vitest';
import { checkCapabilities, compileCapabilities } from '../capabilities/index.js';
import { checkLayerCapabilities } from './check-layer-capabilities.js';

const CAPABILITIES = compileCapabilities({ allow: ['tool:read_*', 'cmd:git:*'], deny: ['tool:read_secrets'] });

describe('checkLayerCapabilities', () => {
  it('should answer as checkCapabilities does, the first time and every time after', () => {
    for (const tool of ['read_mail', 'read_secrets', 'send', 'read_mail', 'read_secrets', 'send']) {
      expect(checkLayerCapabilities(CAPABILITIES, { tool })).toEqual(checkCapabilities(CAPABILITIES, { tool }));
    }
  });

  it('should check calls that touch commands, paths or hosts afresh', () => {
    expect(checkLayerCapabilities(CAPABILITIES, { tool: 'read_mail' })).toBeUndefined();
    expect(checkLayerCapabilities(CAPABILITIES, { tool: 'read_mail', commands: [['curl', 'x']] })?.ruleId).toBe('capabilities.allow');
  });
});
