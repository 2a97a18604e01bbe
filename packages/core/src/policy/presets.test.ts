import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate/evaluate.js';
import { compilePolicy } from './compile-policy.js';
import { parsePolicy } from './parse-policy.js';
import { presets } from './presets.js';

const SEND_SECRET = { tool: 'post', labels: ['net:w'], args: { body: { value: 'k', labels: ['secret'] } }, run: { calls: 0 } };
const SEND_UNKNOWN = { tool: 'mail', labels: ['email:send'], args: { to: { value: 'x@y.io', labels: ['untrusted'] } }, run: { calls: 0 } };

describe('presets', () => {
  it.each(Object.entries(presets))('should make %s a valid, frozen policy', (_, preset) => {
    expect(() => parsePolicy(preset)).not.toThrow();
    expect(Object.isFrozen(preset)).toBe(true);
  });

  it('should block secret exfiltration in every preset', () => {
    for (const preset of Object.values(presets)) expect(evaluate(compilePolicy(preset), SEND_SECRET).type).toBe('deny');
  });

  it('should lock production and leave the positive checks off in the sandbox', () => {
    expect(evaluate(compilePolicy(presets.production), SEND_UNKNOWN)).toMatchObject({ type: 'deny', overridable: false });
    expect(evaluate(compilePolicy(presets.development), SEND_UNKNOWN)).toMatchObject({ type: 'deny', overridable: true });
    expect(evaluate(compilePolicy(presets.sandbox), SEND_UNKNOWN).type).toBe('allow');
  });

  it('should let an app policy narrow a preset', () => {
    const compiled = compilePolicy([presets.development, { capabilities: { allow: ['tool:read_*'] } }]);
    expect(evaluate(compiled, { tool: 'calc', labels: [], args: {} })).toMatchObject({ type: 'deny', code: 'capability-denied' });
  });
});
