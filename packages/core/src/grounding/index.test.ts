import { describe, expect, it } from 'vitest';
import * as grounding from './index.js';

describe('grounding', () => {
  it('should export the public names and nothing else', () => {
    expect(Object.keys(grounding).sort()).toEqual(['canonicalValue', 'createContentIndex', 'createSecretScanner']);
  });
});
