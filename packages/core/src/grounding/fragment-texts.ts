/** What a fragment offers the index: its whole text, and the fields of its JSON when it is JSON. */
export interface FragmentTexts {
  /** Strings searched as text: the content itself, then every string value and key of its JSON. */
  readonly fields: readonly string[];
  /** The numbers of its JSON, each a whole value. */
  readonly numbers: readonly number[];
}

/**
 * The texts of a fragment to index. Content that is JSON (an object or array) also yields each string value
 * and key decoded, and each number: a whole field is a whole value (`[40,500]` holds `40` even though
 * `40,500` in prose is one number), and escapes (`\n`, `\"`, `\u00e9`) no longer hide what they encode.
 * The walk uses an explicit stack, so deep nesting cannot overflow the call stack.
 *
 * @example
 * ```ts
 * fragmentTexts('{"to":"ann@corp.io","n":[40,500]}');
 * // { fields: ['{"to":…}', 'to', 'ann@corp.io', 'n'], numbers: [40, 500] }
 * ```
 */
export function fragmentTexts(content: string): FragmentTexts {
  const fields: string[] = [content];
  const numbers: number[] = [];
  const opening = content.trimStart()[0];
  if (opening !== '{' && opening !== '[') return { fields, numbers };
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return { fields, numbers };
  }
  const stack: unknown[] = [parsed];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') fields.push(value);
    else if (typeof value === 'number') numbers.push(value);
    else if (Array.isArray(value)) for (let index = value.length - 1; index >= 0; index -= 1) stack.push(value[index]);
    else if (typeof value === 'object' && value !== null) {
      // JSON.parse makes plain data objects: own keys only, no getters, `__proto__` an ordinary key.
      const entries = Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, field] = entries[index] as [string, unknown];
        stack.push(field, key);
      }
    }
  }
  return { fields, numbers };
}
