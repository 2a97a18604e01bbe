import { describe, expect, it } from 'vitest';
import { isLeftBoundary, isRightBoundary } from './value-boundary.js';
import type { ValueKind } from './value-kind.js';

describe('isLeftBoundary', () => {
  it.each<[string, number, ValueKind, boolean]>([
    ['ann@corp.io', 0, 'email', true],
    ['joann@corp.io', 2, 'email', false],
    ['jo.ann@corp.io', 3, 'email', false],
    ['<ann@corp.io>', 1, 'email', true],
    ['to: ann@corp.io', 4, 'email', true],
    ['xA-12', 1, 'text', false],
    ['v5', 1, 'number', false],
    ['(40)', 1, 'number', true],
    ['"amount": 40,', 10, 'number', true],
    ['-3', 1, 'number', false],
    ['+40', 1, 'number', false],
    ['a -3', 2, 'number', true],
    ['2024-05-01', 5, 'number', false],
    ['..ann', 2, 'text', true],
    ['x..ann', 3, 'text', false],
    ['/srv/x', 1, 'text', true],
    ['020 7946 0958', 4, 'phone', false],
    ['020 7946 0958', 4, 'number', true],
    ['room (020) 7946', 5, 'phone', true],
    ['1 +44 20', 2, 'phone', false],
    ['Tel +44 20', 4, 'phone', true],
  ])('should read %j at %i (%s) as a start: %s', (text, start, kind, expected) => {
    expect(isLeftBoundary(text, start, kind)).toBe(expected);
  });
});

describe('isRightBoundary', () => {
  it.each<[string, number, ValueKind, boolean]>([
    ['refund 40.', 9, 'number', true],
    ['refund 40. Then', 9, 'number', true],
    ['40.5', 2, 'number', false],
    ['40,000', 2, 'number', false],
    ['[40,500]', 3, 'number', false],
    ['"amount": 40,\n', 12, 'number', true],
    ['50', 1, 'number', false],
    ['A-123', 4, 'text', false],
    ['A-12-', 4, 'text', true],
    ['ann@corp.io.uk', 11, 'email', false],
    ['ann@corp.io...', 11, 'email', true],
    ['rita@corp.io,bob@corp.io', 12, 'email', true],
    ['020 7946 0958', 8, 'phone', false],
    ['020 7946 0958', 8, 'number', true],
    ['555-123-4567 (home)', 12, 'phone', true],
    ['x', 1, 'text', true],
  ])('should read %j at %i (%s) as an end: %s', (text, end, kind, expected) => {
    expect(isRightBoundary(text, end, kind)).toBe(expected);
  });
});
