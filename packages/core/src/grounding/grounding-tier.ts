import { extractValues } from './extract-values.js';
import { fragmentTexts } from './fragment-texts.js';
import { createTokenIndex, type LookupStats } from './token-index.js';
import { tokenize } from './tokenize.js';
import { canonicalValue, type CanonicalValue, type ValueKind } from './value-kind.js';

/** One tier of the content index (trusted or not): the values and words of the fragments added to it. */
export interface GroundingTier<Fragment extends { readonly content: string }> {
  /** Indexes a fragment: linear in the length of its content. */
  add(fragment: Fragment): void;
  /** The fragments in which `value` occurs as a whole value, in the order they were added. */
  find(value: CanonicalValue, stats?: LookupStats): Fragment[];
}

/**
 * Creates a tier: a hash map from each whole e-mail address, URL, IBAN, phone number and number found in a
 * fragment (`kind` + canonical form) to the fragments holding it, and a token index for text values.
 *
 * @example
 * ```ts
 * const tier = createGroundingTier<{ content: string }>();
 * const f1 = { content: 'refund 40 EUR to ann@corp.io' };
 * tier.add(f1);
 * tier.find({ kind: 'number', canonical: '40' }); // [f1]
 * ```
 */
export function createGroundingTier<Fragment extends { readonly content: string }>(): GroundingTier<Fragment> {
  const values = new Map<string, Fragment[]>();
  const words = createTokenIndex<Fragment>();
  const order = new Map<Fragment, number>();

  function add(fragment: Fragment): void {
    if (order.has(fragment)) return;
    order.set(fragment, order.size);
    const record = (kind: ValueKind, canonical: string): void => {
      const key = `${kind}\u0000${canonical}`;
      const holders = values.get(key);
      if (holders === undefined) values.set(key, [fragment]);
      // Fragments are added one at a time, so a repeat within this one is the last entry.
      else if (holders[holders.length - 1] !== fragment) holders.push(fragment);
    };
    const { fields, numbers } = fragmentTexts(fragment.content);
    fields.forEach((field, index) => {
      const tokens = tokenize(field);
      extractValues(field, tokens, index > 0, record);
      words.add(fragment, field, tokens);
    });
    for (const number of numbers) {
      // `1e400` parses as Infinity, which is no number anyone can name.
      const value = canonicalValue(number);
      if (value?.kind === 'number') record(value.kind, value.canonical);
    }
  }

  function find(value: CanonicalValue, stats?: LookupStats): Fragment[] {
    if (value.kind !== 'text') {
      const holders = values.get(`${value.kind}\u0000${value.canonical}`) ?? [];
      if (stats !== undefined) stats.candidates += holders.length;
      return [...holders];
    }
    const found = new Set<Fragment>();
    words.find(value.canonical, found, stats);
    return [...found].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }

  return { add, find };
}
