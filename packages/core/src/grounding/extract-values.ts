import { extractUrls, extractUrlsFromValue } from '../text/index.js';
import { canonicalIban, ibanChecksumIsValid } from './canonical-iban.js';
import { canonicalNumber } from './canonical-number.js';
import { isDigitCode, isPhoneSeparatorCode, isWhitespaceCode } from './char-class.js';
import { tokenEndsValue, tokenStartsValue, type Tokens } from './tokenize.js';
import { isLeftBoundary, isRightBoundary } from './value-boundary.js';
import { canonicalValue, type ValueKind } from './value-kind.js';

/** Receives each whole value found; the same value may be reported more than once. */
export type ValueSink = (kind: ValueKind, canonical: string) => void;

// No e-mail address, number or IBAN is longer (see canonicalValue): longer word runs are skipped unread.
const MAX_WORD_RUN = 330;
const MIN_IBAN_CHARACTERS = 15;
const MAX_IBAN_CHARACTERS = 34;
const IBAN_HEAD = /^[A-Za-z]{2}\d{2}[A-Za-z0-9]*$/;
const ALPHANUMERIC = /^[A-Za-z0-9]+$/;

/**
 * Reports every whole e-mail address, URL, IBAN, phone number and number in `text` (text values are found
 * through the token index instead). A whole value is one with value boundaries on both sides (see
 * `isLeftBoundary`); URLs are the ones `extractUrls` finds (`extractUrlsFromValue` for a JSON string,
 * `asField`). Linear in the length of the text.
 *
 * @example
 * ```ts
 * extractValues('Pay 40 to ann@corp.io', tokenize('Pay 40 to ann@corp.io'), false, (kind, value) => …);
 * // ('number', '40'), ('email', 'ann@corp.io')
 * ```
 */
export function extractValues(text: string, tokens: Tokens, asField: boolean, sink: ValueSink): void {
  extractWordRuns(text, tokens, sink);
  extractSpacedIbans(text, tokens, sink);
  extractPhones(text, sink);
  // Every URL the scanner reports contains `://` or starts with `www.`; a quick test skips the scan (a sixth of
  // the cost of indexing a fragment) for the many texts that hold neither.
  if (!MAY_HOLD_URL.test(text)) return;
  for (const url of asField ? extractUrlsFromValue(text) : extractUrls(text)) {
    const value = canonicalValue(url);
    if (value?.kind === 'url') sink('url', value.canonical);
  }
}

const MAY_HOLD_URL = /:\/\/|www\./iu;

// An e-mail address, a number and an unspaced IBAN start and end with word characters and hold only word
// characters and joiners, so each is exactly one run of joined words, with a `-` in front for a negative
// number. Each run goes to the one parser that can accept it, as canonicalValue would classify it: an `@`
// makes an e-mail address or nothing, a digit first a number (or a phone number, found below), two letters
// and two digits an IBAN.
function extractWordRuns(text: string, tokens: Tokens, sink: ValueSink): void {
  let first = 0;
  while (first < tokens.count) {
    let last = first;
    while (last + 1 < tokens.count && !tokenEndsValue(tokens, last)) last += 1;
    const start = tokens.starts[first] ?? 0;
    const end = tokens.ends[last] ?? 0;
    if (end - start <= MAX_WORD_RUN) readWordRun(text, start, end, tokenStartsValue(tokens, first), sink);
    first = last + 1;
  }
}

function readWordRun(text: string, start: number, end: number, startsValue: boolean, sink: ValueSink): void {
  const run = text.slice(start, end);
  if (run.includes('@')) {
    const value = startsValue ? canonicalValue(run) : undefined;
    if (value?.kind === 'email') sink('email', value.canonical);
  } else if (isDigitCode(run.charCodeAt(0))) {
    const number = startsValue ? canonicalNumber(run) : undefined;
    if (number !== undefined) sink('number', number);
    if (text[start - 1] !== '-' || !isLeftBoundary(text, start - 1, 'number')) return;
    const negative = canonicalNumber(`-${run}`);
    if (negative !== undefined) sink('number', negative);
  } else if (startsValue && run.length >= MIN_IBAN_CHARACTERS && IBAN_HEAD.test(run)) {
    const iban = canonicalIban(run);
    if (iban !== undefined) sink('iban', iban);
  }
}

// A printed IBAN is several whitespace-separated words; each must stand alone (no joiners), and together they
// hold at most 34 characters, so each start is extended a bounded number of times.
function extractSpacedIbans(text: string, tokens: Tokens, sink: ValueSink): void {
  for (let first = 0; first < tokens.count; first += 1) {
    if (!standsAlone(tokens, first)) continue;
    const head = word(text, tokens, first);
    if (head.length > MAX_IBAN_CHARACTERS || !IBAN_HEAD.test(head)) continue;
    const words = [head];
    let compact = head.toUpperCase();
    for (let next = first + 1; next < tokens.count && standsAlone(tokens, next); next += 1) {
      if (!onlyWhitespace(text, tokens.ends[next - 1] ?? 0, tokens.starts[next] ?? 0)) break;
      const part = word(text, tokens, next);
      if (compact.length + part.length > MAX_IBAN_CHARACTERS || !ALPHANUMERIC.test(part)) break;
      words.push(part);
      compact += part.toUpperCase();
      // The checksum alone is cheap; only a passing candidate is parsed in full.
      if (compact.length < MIN_IBAN_CHARACTERS || !ibanChecksumIsValid(compact)) continue;
      const iban = canonicalIban(words.join(' '));
      if (iban !== undefined) sink('iban', iban);
    }
  }
}

function standsAlone(tokens: Tokens, token: number): boolean {
  return tokenStartsValue(tokens, token) && tokenEndsValue(tokens, token);
}

function word(text: string, tokens: Tokens, token: number): string {
  return text.slice(tokens.starts[token] ?? 0, tokens.ends[token] ?? 0);
}

function onlyWhitespace(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) if (!isWhitespaceCode(text.charCodeAt(index))) return false;
  return true;
}

// A phone number spans every digit of its stretch of digits and phone separators (the phone boundary rule),
// so each stretch has at most six candidates: starting at its first digit, the `(` before it or a `+` in
// front, and ending at its last digit or the `)` after it.
function extractPhones(text: string, sink: ValueSink): void {
  let index = 0;
  while (index < text.length) {
    if (!isPhoneCode(text.charCodeAt(index))) {
      index += 1;
      continue;
    }
    const stretchStart = index;
    let digits = 0;
    let firstDigit = -1;
    let lastDigit = -1;
    for (; index < text.length && isPhoneCode(text.charCodeAt(index)); index += 1) {
      if (!isDigitCode(text.charCodeAt(index))) continue;
      digits += 1;
      if (firstDigit === -1) firstDigit = index;
      lastDigit = index;
    }
    if (digits < 7 || digits > 15) continue;
    const starts = [firstDigit];
    if (text[firstDigit - 1] === '(' && firstDigit - 1 >= stretchStart) starts.push(firstDigit - 1);
    if (text[stretchStart - 1] === '+' && starts.includes(stretchStart)) starts.push(stretchStart - 1);
    const ends = [lastDigit + 1];
    if (text[lastDigit + 1] === ')') ends.push(lastDigit + 2);
    for (const start of starts) {
      for (const end of ends) {
        if (!isLeftBoundary(text, start, 'phone') || !isRightBoundary(text, end, 'phone')) continue;
        const value = canonicalValue(text.slice(start, end));
        if (value?.kind === 'phone') sink('phone', value.canonical);
      }
    }
  }
}

function isPhoneCode(code: number): boolean {
  return isDigitCode(code) || isPhoneSeparatorCode(code);
}
