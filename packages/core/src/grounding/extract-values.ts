import { extractUrls } from '../text/extract-urls.js';
import { urlsOfString } from '../text/urls-of-string.js';
import { canonicalIban, ibanChecksumIsValid } from './canonical-iban.js';
import { canonicalNumber } from './canonical-number.js';
import { canonicalPhone } from './canonical-phone.js';
import { collapseWhitespace, isDigitCode, isPhoneSeparatorCode, isWhitespaceCode } from './char-class.js';
import { DIGIT_FIRST, tokenEndsValue, tokenStartsValue, type Tokens } from './tokenize.js';
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
 * `asField`), looked for only when `mayHoldUrl`. Linear in the length of the text, in one pass over its
 * words; most words are never sliced.
 *
 * @example
 * ```ts
 * extractValues('Pay 40 to ann@corp.io', tokenize('Pay 40 to ann@corp.io'), false, (kind, value) => …);
 * // ('number', '40'), ('email', 'ann@corp.io')
 * ```
 */
export function extractValues(text: string, tokens: Tokens, asField: boolean, sink: ValueSink, mayHoldUrl = true): void {
  const { starts, ends, flags } = tokens;
  let digitLed = 0;
  let first = 0;
  // An e-mail address, a number and an unspaced IBAN start and end with word characters and hold only word
  // characters and joiners, so each is exactly one run of joined words (a negative number has a `-` in
  // front); a printed IBAN starts with a word that stands alone.
  while (first < tokens.count) {
    let last = first;
    while (last + 1 < tokens.count && !tokenEndsValue(tokens, last)) last += 1;
    for (let token = first; token <= last; token += 1) {
      if (((flags[token] as number) & DIGIT_FIRST) !== 0) digitLed += (ends[token] as number) - (starts[token] as number);
    }
    const start = starts[first] as number;
    const end = ends[last] as number;
    const startsValue = tokenStartsValue(tokens, first);
    if (end - start <= MAX_WORD_RUN) readWordRun(text, start, end, last > first, startsValue, sink);
    const standsAlone = last === first && startsValue;
    if (standsAlone && end - start >= 4 && hasIbanHead(text, start)) readSpacedIban(text, tokens, first, sink);
    first = last + 1;
  }
  // A phone number has at least 7 digits, each in a word that starts with a digit (see extractPhones).
  if (digitLed >= MIN_PHONE_DIGITS) extractPhones(text, tokens, sink);
  if (!mayHoldUrl) return;
  for (const url of asField ? urlsOfString(text) : extractUrls(text)) {
    const value = canonicalValue(url);
    if (value?.kind === 'url') sink('url', value.canonical);
  }
}

const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15;

// Each run goes to the one parser that can accept it, as canonicalValue would classify it: an `@` makes an
// e-mail address or nothing, a digit first a number (or a phone number, found below), two letters and two
// digits an IBAN.
function readWordRun(text: string, start: number, end: number, joined: boolean, startsValue: boolean, sink: ValueSink): void {
  if (joined && holdsAt(text, start, end)) {
    const value = startsValue ? canonicalValue(text.slice(start, end)) : undefined;
    if (value?.kind === 'email') sink('email', value.canonical);
  } else if (isDigitCode(text.charCodeAt(start))) {
    const run = text.slice(start, end);
    const number = startsValue ? canonicalNumber(run) : undefined;
    if (number !== undefined) sink('number', number);
    if (text.charCodeAt(start - 1) !== 0x2d || !isLeftBoundary(text, start - 1, 'number')) return;
    const negative = canonicalNumber(`-${run}`);
    if (negative !== undefined) sink('number', negative);
  } else if (startsValue && end - start >= MIN_IBAN_CHARACTERS && hasIbanHead(text, start)) {
    const iban = canonicalIban(text.slice(start, end));
    if (iban !== undefined) sink('iban', iban);
  }
}

function holdsAt(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) if (text.charCodeAt(index) === 0x40) return true;
  return false;
}

// Two ASCII letters and two digits: the country code and check digits every IBAN starts with.
function hasIbanHead(text: string, start: number): boolean {
  return (
    isAsciiLetterCode(text.charCodeAt(start)) &&
    isAsciiLetterCode(text.charCodeAt(start + 1)) &&
    isDigitCode(text.charCodeAt(start + 2)) &&
    isDigitCode(text.charCodeAt(start + 3))
  );
}

function isAsciiLetterCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

// A printed IBAN is several whitespace-separated words; each must stand alone (no joiners), and together they
// hold at most 34 characters, so each start is extended a bounded number of times.
function readSpacedIban(text: string, tokens: Tokens, first: number, sink: ValueSink): void {
  const headStart = tokens.starts[first] as number;
  const headEnd = tokens.ends[first] as number;
  if (headEnd - headStart < 4 || headEnd - headStart > MAX_IBAN_CHARACTERS || !hasIbanHead(text, headStart)) return;
  const head = text.slice(headStart, headEnd);
  if (!IBAN_HEAD.test(head)) return;
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
// front, and ending at its last digit or the `)` after it. Only stretches holding a word that starts with a
// digit are read: in any other, the first digit follows a letter, so no candidate has a left boundary.
function extractPhones(text: string, tokens: Tokens, sink: ValueSink): void {
  let readUpTo = 0;
  for (let token = 0; token < tokens.count; token += 1) {
    const start = tokens.starts[token] as number;
    if (start < readUpTo || !isDigitCode(text.charCodeAt(start))) continue;
    let stretchStart = start;
    while (stretchStart > readUpTo && isPhoneCode(text.charCodeAt(stretchStart - 1))) stretchStart -= 1;
    readUpTo = readStretch(text, stretchStart, sink);
  }
}

// Reads the stretch of phone characters starting at `stretchStart`; returns where it ends.
function readStretch(text: string, stretchStart: number, sink: ValueSink): number {
  let digits = 0;
  let firstDigit = -1;
  let lastDigit = -1;
  let index = stretchStart;
  for (; index < text.length && isPhoneCode(text.charCodeAt(index)); index += 1) {
    if (!isDigitCode(text.charCodeAt(index))) continue;
    digits += 1;
    if (firstDigit === -1) firstDigit = index;
    lastDigit = index;
  }
  if (digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) return index;
  const starts = [firstDigit];
  if (text[firstDigit - 1] === '(' && firstDigit - 1 >= stretchStart) starts.push(firstDigit - 1);
  if (text[stretchStart - 1] === '+' && starts.includes(stretchStart)) starts.push(stretchStart - 1);
  const ends = [lastDigit + 1];
  if (text[lastDigit + 1] === ')') ends.push(lastDigit + 2);
  for (const start of starts) {
    for (const end of ends) {
      if (!isLeftBoundary(text, start, 'phone') || !isRightBoundary(text, end, 'phone')) continue;
      // Digits and phone separators only: canonicalValue would read a number or a phone number, nothing else.
      const candidate = collapseWhitespace(text.slice(start, end));
      const phone = canonicalNumber(candidate) === undefined ? canonicalPhone(candidate) : undefined;
      if (phone !== undefined) sink('phone', phone);
    }
  }
  return index;
}

function isPhoneCode(code: number): boolean {
  return isDigitCode(code) || isPhoneSeparatorCode(code);
}
