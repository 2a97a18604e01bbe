import { describe, expect, it } from 'vitest';
import * as text from './index.js';

describe('text', () => {
  it('should export exactly the text helpers', () => {
    expect(Object.keys(text).sort()).toEqual([
      'canonicalUrl',
      'extractUrls',
      'extractUrlsFromValue',
      'isNullLike',
      'tolerantMatch',
      'urlHost',
    ]);
  });
});
