import { describe, expect, it } from 'vitest';
import { markdownTable, ratio } from './markdown-table.js';

describe('markdownTable', () => {
  it('should render a header, a rule and escaped cells', () => {
    expect(markdownTable(['a', 'b'], [[1, 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });
});

describe('ratio', () => {
  it('should always show the denominator', () => {
    expect(ratio(1, 3)).toBe('1/3 (33.3%)');
    expect(ratio(0, 0)).toBe('0/0');
  });
});
