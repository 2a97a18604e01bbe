import { describe, expect, it } from 'vitest';
import { parseJsonContent } from './parse-json-content.js';

describe('parseJsonContent', () => {
  it.each([
    ['{"apiKey":"sk-1"}', { apiKey: 'sk-1' }],
    ['  [1, {"a": null}]', [1, { a: null }]],
    ['plain text', undefined],
    ['"a json string"', undefined],
    ['42', undefined],
    ['{not json', undefined],
  ])('should read %s', (text, expected) => {
    expect(parseJsonContent(text)).toEqual(expected);
  });

  it('should keep a `__proto__` key as data, so nothing the model reads escapes redaction', () => {
    const parsed = parseJsonContent('{"__proto__": {"token": "sk-1"}}') as Record<string, unknown>;

    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(JSON.stringify(parsed)).toBe('{"__proto__":{"token":"sk-1"}}');
    expect(({} as Record<string, unknown>)['token']).toBeUndefined();
  });
});
