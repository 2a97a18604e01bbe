import { describe, expect, it } from 'vitest';
import { fragmentTexts } from './fragment-texts.js';

describe('fragmentTexts', () => {
  it('should offer plain text as it is', () => {
    expect(fragmentTexts('refund 40 EUR')).toEqual({ fields: ['refund 40 EUR'], numbers: [] });
  });

  it('should add the keys, strings and numbers of JSON, strings decoded', () => {
    const content = '{"to":"ann@corp.io","body":"line\\nrita@corp.io","n":[40,500]}';
    expect(fragmentTexts(content)).toEqual({
      fields: [content, 'to', 'ann@corp.io', 'body', 'line\nrita@corp.io', 'n'],
      numbers: [40, 500],
    });
  });

  it.each([['{not json'], ['[1,2'], ['"just a string"'], ['40']])('should offer %j only as text', (content) => {
    expect(fragmentTexts(content)).toEqual({ fields: [content], numbers: [] });
  });

  it('should treat `__proto__` as an ordinary key', () => {
    expect(fragmentTexts('{"__proto__":{"x":"polluted"}}').fields).toEqual(['{"__proto__":{"x":"polluted"}}', '__proto__', 'x', 'polluted']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('should walk deeply nested JSON without overflowing the stack', () => {
    const depth = 100_000;
    const content = `${'['.repeat(depth)}"deep"${']'.repeat(depth)}`;
    let fields: readonly string[] = [];
    try {
      fields = fragmentTexts(content).fields;
    } catch (error) {
      throw new Error(`fragmentTexts threw: ${String(error)}`);
    }
    expect(fields.length === 1 || fields[1] === 'deep').toBe(true);
  });
});
