import { canonicalUrl } from '../text/index.js';
import { canonicalIban } from './canonical-iban.js';
import { canonicalJsNumber, canonicalNumber } from './canonical-number.js';
import { canonicalPhone } from './canonical-phone.js';
import { collapseWhitespace } from './char-class.js';

/** The kinds of value the content index tells apart; each has its own canonical form. */
export type ValueKind = 'email' | 'url' | 'iban' | 'phone' | 'number' | 'text';

/** A value's kind and canonical form: two values are the same value when both are equal. */
export interface CanonicalValue {
  readonly kind: ValueKind;
  readonly canonical: string;
}

/** Longest text read as an e-mail address (a 254-character address behind `mailto:`). */
const MAX_EMAIL_LENGTH = 320;

// ASCII addresses only: the local part starts with a letter or digit, the domain has at least two labels and
// ends in a letters-only top-level domain. Each repetition ends at an `@` or `.`, and input is capped at
// MAX_EMAIL_LENGTH, so backtracking stays small.
const EMAIL = /^(?:mailto:)?([A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})$/i;
const URL_START = /^(?:https?:\/\/|www\.)/i;

/**
 * Classifies a value and gives its canonical form, or `undefined` for an empty or whitespace-only string.
 *
 * A string is trimmed and its whitespace runs collapsed to one space first; then, read as a whole, it is:
 * - `email`: an ASCII address, optionally behind `mailto:`; canonical: the address in lower case.
 * - `url`: an http(s) URL or a `www.` link with no space; canonical: `canonicalUrl` (scheme and host case,
 *   default port, IDN), with one trailing `/` of the path dropped. Queries and fragments stay significant.
 * - `iban`: see `canonicalIban` (checksum verified); canonical: upper case, no spaces.
 * - `number`: see `canonicalNumber` (`40.50` → `40.5`, `1,000` → `1000`; `007` is not a number).
 * - `phone`: see `canonicalPhone`; canonical: the digits, keeping a leading `+`. A plain digit string is a
 *   number, unless it starts with `0` and has 7 to 15 digits (`0791234567` is a phone number).
 * - `text`: everything else; canonical: the collapsed string, case kept, because case matters in ids and
 *   paths.
 * A finite JavaScript number is a `number` in the same canonical form; `NaN` and `±Infinity` are the text
 * of their `String`.
 *
 * @example
 * ```ts
 * canonicalValue(' Rita@Corp.io ');     // { kind: 'email', canonical: 'rita@corp.io' }
 * canonicalValue('HTTPS://A.io/p/');    // { kind: 'url', canonical: 'https://a.io/p' }
 * canonicalValue(40.5);                 // { kind: 'number', canonical: '40.5' }
 * canonicalValue('Q3  report.pdf');     // { kind: 'text', canonical: 'Q3 report.pdf' }
 * canonicalValue('   ');                // undefined
 * ```
 */
export function canonicalValue(value: string | number): CanonicalValue | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { kind: 'number', canonical: canonicalJsNumber(value) } : { kind: 'text', canonical: String(value) };
  }
  if (typeof value !== 'string') return undefined;
  const text = collapseWhitespace(value);
  return text === '' ? undefined : classify(text);
}

function classify(text: string): CanonicalValue {
  if (text.length <= MAX_EMAIL_LENGTH) {
    const email = EMAIL.exec(text);
    if (email !== null) return { kind: 'email', canonical: (email[1] ?? '').toLowerCase() };
  }
  if (URL_START.test(text) && !text.includes(' ')) {
    const url = canonicalHttpUrl(text);
    if (url !== undefined) return { kind: 'url', canonical: url };
  }
  const iban = canonicalIban(text);
  if (iban !== undefined) return { kind: 'iban', canonical: iban };
  const number = canonicalNumber(text);
  if (number !== undefined) return { kind: 'number', canonical: number };
  const phone = canonicalPhone(text);
  if (phone !== undefined) return { kind: 'phone', canonical: phone };
  return { kind: 'text', canonical: text };
}

function canonicalHttpUrl(text: string): string | undefined {
  const canonical = canonicalUrl(text);
  if (canonical === undefined) return undefined;
  // The authority ends at the first `/`, `?` or `#` after `//`: canonicalUrl percent-encodes them elsewhere.
  const authorityStart = canonical.indexOf('//') + 2;
  let pathEnd = authorityStart;
  while (pathEnd < canonical.length && canonical[pathEnd] !== '?' && canonical[pathEnd] !== '#') pathEnd += 1;
  const slashAt = canonical.indexOf('/', authorityStart);
  if (slashAt === -1 || slashAt >= pathEnd || canonical[pathEnd - 1] !== '/') return canonical;
  return canonical.slice(0, pathEnd - 1) + canonical.slice(pathEnd);
}
