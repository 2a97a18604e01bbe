import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../policy/compile-policy.js';
import { expandTargets, isOperation, operationTargets } from './operation-targets.js';

describe('operationTargets', () => {
  const compiled = compilePolicy({ operations: { exfil: ['net:w'], 'destructive:targeted': ['fs:delete'] }, tools: { post: { labels: ['net:w:slack'] } } });

  it('should map tool labels onto categories by prefix and add op:tool:<name>', () => {
    const { targets, undescribed } = operationTargets(compiled, 'post', undefined);
    expect(targets).toEqual(expect.arrayContaining(['op:tool:post', 'net:w:slack', 'exfil']));
    expect(undescribed).toBe(false);
    expect(isOperation(operationTargets(compiled, 'rm', ['fs:delete']).targets, 'destructive')).toBe(true);
  });

  it('should treat an undescribed tool as exfil and destructive, but a tool declared with no labels as harmless', () => {
    expect(operationTargets(compiled, 'mystery', undefined)).toMatchObject({ undescribed: true, targets: expect.arrayContaining(['exfil', 'destructive']) });
    const declared = operationTargets(compiled, 'calc', []);
    expect(declared.undescribed).toBe(false);
    expect(isOperation(declared.targets, 'exfil')).toBe(false);
  });

  it('should map shell command operations onto exec', () => {
    expect(expandTargets(['op:cmd:git:push'], compiled.operations)).toContain('exec');
  });
});
