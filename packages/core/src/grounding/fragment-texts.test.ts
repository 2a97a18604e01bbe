import { describe, expect, it } from 'vitest';
import { fragmentTexts } from './fragment-texts.js';

describe('fragmentTexts', () => {
  it('should offer plain text as it is', () => {
    expect(fragmentTexts('refund 40 EUR')).toEqual({ json: false, fields: ['refund 40 EUR'], mayHoldUrl: [true], numbers: [] });
  });

  it('should offer the keys, strings and numbers of JSON, strings decoded, and not its text', () => {
    const content = '{"to":"ann@corp.io","body":"line\\nrita@corp.io","n":[40,500]}';
    expect(fragmentTexts(content)).toEqual({
      json: true,
      fields: ['to', 'ann@corp.io', 'body', 'line\nrita@corp.io', 'n'],
      mayHoldUrl: [false, false, false, true, false],
      numbers: ['40', '500'],
    });
  });

  it('should offer a number both as written and as JavaScript reads it', () => {
    expect(fragmentTexts('[12345678901234567890, 1.5e3, -0, 1e400, 40.50]').numbers).toEqual(['12345678901234567890', '12345678901234567000', '1500', '0', '40.5']);
  });

  it('should offer every duplicate key and its value', () => {
    expect(fragmentTexts('{"a":"x","a":"y"}').fields).toEqual(['a', 'x', 'a', 'y']);
  });

  it('should mark the strings that may hold a URL, escaped ones included', () => {
    const content = '{"a":"see https://a.io","b":"www.b.com","c":"https:\\/\\/c.io","d":"plain","e:// ":1}';
    const { fields, mayHoldUrl } = fragmentTexts(content);
    expect(fields).toEqual(['a', 'see https://a.io', 'b', 'www.b.com', 'c', 'https://c.io', 'd', 'plain', 'e:// ']);
    expect(mayHoldUrl).toEqual([false, true, false, true, false, true, false, false, true]);
  });

  it.each([['{not json'], ['[1,2'], ['"just a string"'], ['40'], ['{"a":1} x'], ['\u00a0{}']])('should offer %j only as text', (content) => {
    expect(fragmentTexts(content)).toEqual({ json: false, fields: [content], mayHoldUrl: [true], numbers: [] });
  });

  it('should treat `__proto__` as an ordinary key', () => {
    expect(fragmentTexts('{"__proto__":{"x":"polluted"}}').fields).toEqual(['__proto__', 'x', 'polluted']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('should read deeply nested JSON without overflowing the stack', () => {
    const depth = 100_000;
    expect(fragmentTexts(`${'['.repeat(depth)}"deep"${']'.repeat(depth)}`).fields).toEqual(['deep']);
  });
});
