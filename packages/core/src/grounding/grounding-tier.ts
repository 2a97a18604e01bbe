import { extractValues } from './extract-values.js';
import { fragmentTexts } from './fragment-texts.js';
import { createTokenIndex, type LookupStats } from './token-index.js';
import { createTokenBuffer, tokenize } from './tokenize.js';
import type { CanonicalValue, ValueKind } from './value-kind.js';

/** One tier of the content index (trusted or not): the values and words of the fragments added to it. */
export interface GroundingTier<Fragment extends { readonly content: string }> {
  /** Indexes a fragment: linear in the length of its content. */
  add(fragment: Fragment): void;
  /** The fragments in which `value` occurs as a whole value, in the order they were added. */
  find(value: CanonicalValue, stats?: LookupStats): Fragment[];
}

// Indexing is synchronous and never re-entered, so every tier reads its words into this one buffer, and
// remembers the short fields of the fragment being added in this one set.
const scratch = createTokenBuffer(1024);
const offered = new Set<string>();
const MAX_REMEMBERED_FIELD = 64;
// Prose and JSON records both hold about one word per 6 to 7 characters.
const CHARACTERS_PER_WORD = 6;

/**
 * Creates a tier: per kind, a hash map from each whole e-mail address, URL, IBAN, phone number and number found
 * in a fragment (canonical form) to the fragments holding it, and a token index for text values. A fragment
 * whose content is JSON is read field by field (see `fragmentTexts`).
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
  // A map per kind, made when first needed, keyed by the canonical form; one holder is kept bare, not in an
  // array: most values are in one fragment.
  const values: Partial<Record<ValueKind, Map<string, Fragment | Fragment[]>>> = {};
  const words = createTokenIndex();
  const fragments: Fragment[] = [];
  const added = new Set<Fragment>();

  // The fragment being added, for `record`: one sink for the tier, not a closure per fragment.
  let current: Fragment | undefined;
  const record = (kind: ValueKind, canonical: string): void => {
    const fragment = current as Fragment;
    const ofKind = (values[kind] ??= new Map());
    const holders = ofKind.get(canonical);
    if (holders === undefined) ofKind.set(canonical, fragment);
    else if (!Array.isArray(holders)) {
      if (holders !== fragment) ofKind.set(canonical, [holders, fragment]);
    }
    // Fragments are added one at a time, so a repeat within this one is the last entry.
    else if (holders[holders.length - 1] !== fragment) holders.push(fragment);
  };

  function add(fragment: Fragment): void {
    if (added.has(fragment)) return;
    added.add(fragment);
    const owner = fragments.length;
    fragments.push(fragment);
    current = fragment;
    const { json, fields, mayHoldUrl, numbers } = fragmentTexts(fragment.content);
    words.reserve(fragment.content.length / CHARACTERS_PER_WORD);
    // A field the fragment already offered adds nothing to where its values are. Records repeat their keys and
    // many of their values; only short fields are remembered, so a long one is not hashed whole for this.
    offered.clear();
    for (let index = 0; index < fields.length; index += 1) {
      const field = fields[index] as string;
      if (field.length <= MAX_REMEMBERED_FIELD) {
        if (offered.has(field)) continue;
        offered.add(field);
      }
      const tokens = tokenize(field, scratch, words.seed);
      if (tokens.count === 0) continue;
      extractValues(field, tokens, json, record, mayHoldUrl[index]);
      words.add(owner, field, tokens);
    }
    for (const number of numbers) record('number', number);
    // Nothing of this fragment stays in the shared set: a slice there would keep a dropped session's text alive.
    offered.clear();
    current = undefined;
  }

  function find(value: CanonicalValue, stats?: LookupStats): Fragment[] {
    if (value.kind !== 'text') {
      const holders = values[value.kind]?.get(value.canonical);
      const found = holders === undefined ? [] : Array.isArray(holders) ? [...holders] : [holders];
      if (stats !== undefined) stats.candidates += found.length;
      return found;
    }
    const found = new Set<number>();
    words.find(value.canonical, found, stats);
    return [...found].sort((a, b) => a - b).map((owner) => fragments[owner] as Fragment);
  }

  return { add, find };
}
