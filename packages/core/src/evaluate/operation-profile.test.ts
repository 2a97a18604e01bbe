import { describe, expect, it } from 'vitest';
import { matchesLabel } from '../labels/match-label.js';
import { compilePolicy } from '../policy/compile-policy.js';
import { operationProfile } from './operation-profile.js';
import { expandTargets, isOperation, operationTargets } from './operation-targets.js';

const POLICY = compilePolicy([
  { operations: { exfil: ['net:w'] }, requireApproval: ['exfil'], tools: { post: { labels: ['net:w:slack'] } } },
  { operations: { destructive: ['fs:w'] }, requireApproval: ['op:tool:post'] },
]);

describe('operationProfile', () => {
  it('should hold what the targets say, layer by layer', () => {
    const profile = operationProfile(POLICY, 'post', undefined);
    const operation = operationTargets(POLICY, 'post', undefined);
    expect(profile.operation).toEqual(operation);
    expect(profile.allowTargets).toEqual(POLICY.layers.map((layer) => expandTargets(operation.base, layer.operations)));
    expect(profile.approvals).toEqual(['exfil', 'op:tool:post'].filter((entry) => operation.targets.some((target) => matchesLabel(entry, target))));
    expect(profile.is).toMatchObject({ exfil: isOperation(operation.targets, 'exfil'), network: true, exec: false });
  });

  it('should tell undeclared labels from no labels and from other labels', () => {
    expect(operationProfile(POLICY, 'tool', undefined).operation.undescribed).toBe(true);
    expect(operationProfile(POLICY, 'tool', []).operation.undescribed).toBe(false);
    expect(operationProfile(POLICY, 'tool', ['fs:w']).is.destructive).toBe(true);
    expect(operationProfile(POLICY, 'tool', ['fs:r']).is.destructive).toBe(false);
  });

  it('should remember a profile by the labels, not by the array that held them', () => {
    const labels = ['fs:w'];
    const first = operationProfile(POLICY, 'rm', labels);
    labels.push('exec');
    expect(operationProfile(POLICY, 'rm', ['fs:w'])).toBe(first);
    expect(operationProfile(POLICY, 'rm', labels).is.exec).toBe(true);
  });
});
