import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinAll, joinDescriptors, makeDescriptor, type Descriptor } from '../labels/index.js';
import { extractUrls, extractUrlsFromValue } from '../text/index.js';
import { createContentIndex, type Grounding } from './content-index.js';
import { canonicalValue } from './value-kind.js';

// A naive reference for the content index: for every fragment, every substring with value boundaries on both
// sides is canonicalised and collected; a lookup loops over the fragments. Quadratic and slow, but written
// from the boundary rules as stated, with nothing shared with the index but `canonicalValue` (the definition
// of kinds) and `extractUrls` (the definition of where a URL ends in prose).

const TRUSTED = makeDescriptor({ labels: ['trusted'], taint: ['src:user'] });
const TRUSTED_PII = makeDescriptor({ labels: ['trusted', 'pii'], taint: ['src:tool:crm'] });
const UNTRUSTED = makeDescriptor({ labels: ['untrusted'], taint: ['src:tool:read_inbox'] });
const UNLABELLED = makeDescriptor({ labels: ['pii'], taint: ['src:tool:db'] });
const CONFLICTED = makeDescriptor({ labels: ['trusted', 'untrusted'], taint: ['src:web'] });
const DESCRIPTORS = [TRUSTED, TRUSTED_PII, UNTRUSTED, UNLABELLED, CONFLICTED];

const PIECES = [
  ...['alpha', 'Beta', 'gamma', 'Riverside', 'View', 'Hotel', 'report.pdf', 'Q3', 'EUR', 'refund', 'id', 'v5', 'x', 'é', 'naïve'],
  ...['40', '-3', '40.50', '1,000.50', '1,000', '007', '5', '50', '0', '0.5', '500', '1 000', '2024-05-01', '10:30', '192.168.1.10'],
  ...['ann@corp.io', 'joann@corp.io', 'Rita@Corp.io', 'mailto:bob@x.org', 'jo.ann@corp.io', 'a+ann@corp.io'],
  ...['A-12', 'A-123', 'B_7', '/srv/backups/latest.tar', '#42', 'src:user', 'C:\\Users\\ann'],
  ...['https://a.io/p', 'https://A.io/p/', 'https://a.io/p?x=1', 'www.b.com', 'http://c.io/', '(https://a.io/p)'],
  ...['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000', 'GB82 WEST 1234 5698 7654 32', 'de89 3704'],
  ...['+44 20 7946 0958', '020 7946 0958', '(555) 123-4567', '555-123-4567', '0791234567', '+1 (555) 123 4567'],
  ...['40,000', '[40,500]', '+40', '.5', '5.', '--', 'x.', '(0)20', '7946 0958', 'A', '12', 'a\u00a0b', 'q\\"r'],
];
const PUNCTUATION = [',', '.', '(', ')', '-', '/', ':', ' ', '  ', '\n', '"', '_', '@', '#', '+', ';', '!', '…', '🎉', "'", '\u00a0', '%', '~', '\\'];
const SEPARATORS = [' ', ' ', ' ', '', ', ', '\n', '-', '.', ' - ', '\t'];
const JSON_PROBES = ['12345678901234567890', 12345678901234567890, '1500', '1.5e3', 'true', 'null', '0.5', '"to":"ann', 'to":"ann@corp.io', '{"to":"ann@corp.io"}', 'a b'];
const NUMBERS = [40, -3, 5, 50, 1000, 40.5, 0, 1000.5, 500, 0.5, 7, 2024, 12, NaN];

function isWord(character: string | undefined): boolean {
  if (character === undefined) return false;
  const code = character.charCodeAt(0);
  return (code >= 0xd800 && code <= 0xdfff) || /[\p{L}\p{N}\p{M}]/u.test(character);
}

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

function isJoiner(text: string, index: number): boolean {
  const character = text[index];
  if (character === undefined) return false;
  return '_-./\\@:#+%~'.includes(character) || (character === ',' && isDigit(text[index - 1]) && isDigit(text[index + 1]));
}

function startsWhole(text: string, start: number, phone: boolean): boolean {
  if (start === 0) return true;
  if (isWord(text[start - 1])) return false;
  if ((text[start - 1] === '-' || text[start - 1] === '+') && isDigit(text[start])) return false;
  let index = start - 1;
  while (index >= 0 && isJoiner(text, index)) index -= 1;
  if (index < start - 1 && isWord(text[index])) return false;
  if (!phone) return true;
  index = start - 1;
  while (index >= 0 && /[\s\-.()+]/u.test(text[index] ?? '')) index -= 1;
  return !(index < start - 1 && isDigit(text[index]));
}

function endsWhole(text: string, end: number, phone: boolean): boolean {
  if (end === text.length) return true;
  if (isWord(text[end])) return false;
  let index = end;
  while (index < text.length && isJoiner(text, index)) index += 1;
  if (index > end && isWord(text[index])) return false;
  if (!phone) return true;
  index = end;
  while (index < text.length && /[\s\-.()]/u.test(text[index] ?? '')) index += 1;
  return !(index > end && isDigit(text[index]));
}

// JSON content (an object or array that JSON.parse accepts) offers its strings and keys, and its numbers both as
// written and as read, never its own text.
function jsonParts(content: string): { json: boolean; strings: string[]; numbers: string[] } {
  const strings: string[] = [];
  const numbers: string[] = [];
  if (!/^\s*[[{]/u.test(content)) return { json: false, strings, numbers };
  try {
    JSON.parse(content);
  } catch {
    return { json: false, strings, numbers };
  }
  // Every string literal is a string or a key (a duplicate key's earlier value included); every number
  // literal outside them a number.
  for (const match of content.matchAll(/"(?:[^"\\]|\\.)*"|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/gu)) {
    const literal = match[1];
    if (literal === undefined) {
      strings.push(JSON.parse(match[0]) as string);
      continue;
    }
    for (const value of [canonicalValue(literal), canonicalValue(Number(literal))]) if (value?.kind === 'number') numbers.push(value.canonical);
  }
  return { json: true, strings, numbers };
}

const wholeValueCache = new Map<string, Set<string>>();

function wholeValues(content: string): Set<string> {
  const cached = wholeValueCache.get(content);
  if (cached !== undefined) return cached;
  const values = new Set<string>();
  const { json, strings, numbers } = jsonParts(content);
  (json ? strings : [content]).forEach((text) => {
    for (let start = 0; start < text.length; start += 1) {
      if (/\s/u.test(text[start] ?? '') || !startsWhole(text, start, false)) continue;
      for (let end = start + 1; end <= text.length; end += 1) {
        if (/\s/u.test(text[end - 1] ?? '') || !endsWhole(text, end, false)) continue;
        const value = canonicalValue(text.slice(start, end));
        if (value === undefined || value.kind === 'url') continue;
        if (value.kind === 'phone' && !(startsWhole(text, start, true) && endsWhole(text, end, true))) continue;
        values.add(`${value.kind}:${value.canonical}`);
      }
    }
    for (const url of json ? extractUrlsFromValue(text) : extractUrls(text)) {
      const value = canonicalValue(url);
      if (value?.kind === 'url') values.add(`url:${value.canonical}`);
    }
  });
  for (const number of numbers) values.add(`number:${number}`);
  wholeValueCache.set(content, values);
  return values;
}

interface Fragment {
  readonly id: string;
  readonly content: string;
  readonly descriptor: Descriptor;
}

function isTrusted(descriptor: Descriptor): boolean {
  return descriptor.labels.includes('trusted') && !descriptor.labels.includes('untrusted');
}

function referenceLookup(fragments: readonly Fragment[], value: string | number | boolean): Grounding {
  if (typeof value === 'boolean') return { type: 'novel' };
  const canonical = canonicalValue(value);
  if (canonical === undefined) return { type: 'novel' };
  if (canonical.canonical.length < (canonical.kind === 'text' ? 3 : 1)) return { type: 'novel' };
  if (canonical.kind === 'text' && !canonical.canonical.split('').some(isWord)) return { type: 'novel' };
  const key = `${canonical.kind}:${canonical.canonical}`;
  const holders = fragments.filter((fragment) => wholeValues(fragment.content).has(key));
  const trusted = holders.filter((fragment) => isTrusted(fragment.descriptor));
  if (trusted.length > 0) {
    const descriptor = joinDescriptors(joinAll(trusted.map((fragment) => fragment.descriptor)), makeDescriptor({ labels: ['known'] }));
    return { type: 'known', descriptor, fragmentIds: trusted.map((fragment) => fragment.id) };
  }
  if (holders.length === 0) return { type: 'novel' };
  return { type: 'found', descriptor: joinAll(holders.map((fragment) => fragment.descriptor)), fragmentIds: holders.map((fragment) => fragment.id) };
}

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('1', '0', '4', ' ', '-', '.', ',', '(', ')', '+', 'a', 'E', 'D'), maxLength: 14 }) },
);
const prose = fc
  .array(fc.tuple(piece, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.map(([text, separator]) => text + separator).join(''));
const json = fc
  .array(fc.tuple(fc.constantFrom('to', 'body', 'amount', 'n', 'id'), fc.oneof(prose, fc.constantFrom(...NUMBERS.filter(Number.isFinite)), fc.array(fc.constantFrom(40, 500, 5, 1000), { maxLength: 3 }))), {
    maxLength: 4,
  })
  .map((entries) => JSON.stringify(Object.fromEntries(entries), null, entries.length % 2 === 0 ? undefined : 1));
// JSON written by hand: literals JSON.stringify never writes, duplicate keys, nesting and odd spacing.
const LITERALS = ['12345678901234567890', '1.5e3', '-0', '1e400', '4E1', '0.50', '-3', 'true', 'null', '[40, "A-12"]', '{"to":"ann@corp.io"}', '[]'];
const rawJson = fc
  .array(fc.tuple(fc.constantFrom('to', 'id', 'a b', 'to'), fc.oneof(fc.constantFrom(...LITERALS), prose.map((text) => JSON.stringify(text)))), { maxLength: 4 })
  .chain((entries) =>
    fc.constantFrom(
      `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`,
      ` [ ${entries.map(([, value]) => value).join(' ,\n')} ] `,
    ),
  );
const content = fc.oneof({ weight: 4, arbitrary: prose }, { weight: 1, arbitrary: json }, { weight: 1, arbitrary: rawJson });

interface RegisterSpec {
  readonly content: string;
  readonly descriptor: number;
  readonly reuseId: boolean;
}
type LookupSpec =
  | { type: 'piece'; value: string | number | boolean }
  | { type: 'slice'; fragment: number; start: number; length: number }
  | { type: 'part'; fragment: number; at: number; count: number }
  | { type: 'words'; values: string[] };

const registerSpec: fc.Arbitrary<RegisterSpec> = fc.record({ content, descriptor: fc.nat(DESCRIPTORS.length - 1), reuseId: fc.boolean() });
const lookupSpec: fc.Arbitrary<LookupSpec> = fc.oneof(
  fc.record({
    type: fc.constant('piece' as const),
    value: fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...NUMBERS), fc.constantFrom(...JSON_PROBES), fc.boolean(), fc.string({ maxLength: 6 })),
  }),
  fc.record({ type: fc.constant('slice' as const), fragment: fc.nat(), start: fc.nat(80), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ type: fc.constant('part' as const), fragment: fc.nat(), at: fc.nat(), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ type: fc.constant('words' as const), values: fc.array(fc.constantFrom(...PIECES), { minLength: 2, maxLength: 3 }) }),
);
const scenario = fc.record({
  fragments: fc.array(registerSpec, { minLength: 1, maxLength: 6 }),
  lookups: fc.array(lookupSpec, { minLength: 1, maxLength: 12 }),
  split: fc.nat(),
});

function resolve(spec: LookupSpec, fragments: readonly Fragment[]): string | number | boolean {
  if (spec.type === 'piece') return spec.value;
  if (spec.type === 'words') return spec.values.join(' ');
  const fragment = fragments[spec.fragment % Math.max(fragments.length, 1)];
  if (fragment === undefined) return 'alpha';
  if (spec.type === 'part') {
    // Whitespace-separated parts of the fragment, often whole values, sometimes with punctuation attached.
    const parts = fragment.content.split(/\s+/u).filter((part) => part !== '');
    const at = spec.at % Math.max(parts.length, 1);
    return parts.slice(at, at + spec.count).join(' ');
  }
  const start = spec.start % Math.max(fragment.content.length, 1);
  return fragment.content.slice(start, start + spec.length);
}

function checkScenario({ fragments, lookups, split }: { fragments: RegisterSpec[]; lookups: LookupSpec[]; split: number }): void {
  const index = createContentIndex();
  const registered: Fragment[] = [];
  const register = (spec: RegisterSpec): void => {
    const reused = spec.reuseId ? registered[registered.length - 1] : undefined;
    const fragment = { id: reused?.id ?? `F${registered.length}`, content: spec.content, descriptor: DESCRIPTORS[spec.descriptor] as Descriptor };
    index.register(fragment);
    if (reused === undefined) registered.push(fragment);
  };
  const check = (spec: LookupSpec): void => {
    const value = resolve(spec, registered);
    const actual = index.lookup(value);
    const expected = referenceLookup(registered, value);
    expect({ value, type: actual.type }).toEqual({ value, type: expected.type });
    if (actual.type !== 'novel' && expected.type !== 'novel') {
      expect(new Set(actual.fragmentIds)).toEqual(new Set(expected.fragmentIds));
      expect(actual.descriptor).toBe(expected.descriptor);
    }
  };
  // Lookups between registrations exercise the lazy indexing of fragments that are not trusted.
  const firstFragments = split % (fragments.length + 1);
  const firstLookups = split % (lookups.length + 1);
  fragments.slice(0, firstFragments).forEach(register);
  lookups.slice(0, firstLookups).forEach(check);
  fragments.slice(firstFragments).forEach(register);
  lookups.slice(firstLookups).forEach(check);
  expect(index.size).toBe(registered.length);
}

// Long texts over a two-word vocabulary: every word and short gram is common (more than the index's threshold),
// so lookups go through grams posted one word longer, some of them after the texts that hold them.
const REPEATED = ['aa', 'aa', 'bb', 'bb', 'Aa', 'cc'];
const REPEATED_SEPARATORS = [' ', ' ', ' ', ' ', '  ', '\n', ', ', '-', '.'];
const repetitive = fc
  .array(fc.tuple(fc.constantFrom(...REPEATED), fc.constantFrom(...REPEATED_SEPARATORS)), { minLength: 10, maxLength: 45 })
  .map((parts) => parts.map(([text, separator]) => text + separator).join(''));
const repeatedWords: fc.Arbitrary<LookupSpec> = fc.record({
  type: fc.constant('words' as const),
  values: fc.array(fc.constantFrom(...REPEATED), { minLength: 1, maxLength: 7 }),
});
const repetitiveScenario = fc.record({
  fragments: fc.array(fc.record({ content: repetitive, descriptor: fc.nat(DESCRIPTORS.length - 1), reuseId: fc.constant(false) }), { minLength: 2, maxLength: 6 }),
  lookups: fc.array(fc.oneof({ weight: 3, arbitrary: repeatedWords }, { weight: 2, arbitrary: lookupSpec }), { minLength: 1, maxLength: 16 }),
  split: fc.nat(),
});

describe('createContentIndex', () => {
  describe('against a naive reference', () => {
    it('should give the same grounding as scanning every fragment for every whole value', () => {
      fc.assert(fc.property(scenario, checkScenario), { numRuns: 400 });
    }, 60_000);

    it('should agree with the reference on long texts of a few common words', () => {
      fc.assert(fc.property(repetitiveScenario, checkScenario), { numRuns: 150 });
    }, 120_000);
  });
});
