// Character classes shared by canonicalisation, extraction and lookup. They work on UTF-16 code units so that
// every scan stays a single pass with no allocation; the few code units outside ASCII are classified once and
// cached.

const WORD_PATTERN = /[\p{L}\p{N}\p{M}]/u;
const nonAsciiWord = new Uint8Array(0x10000); // 0 = not classified yet, 1 = word, 2 = not a word
// One load instead of three range tests: every character of every indexed text goes through isWordCode.
const ASCII_WORD = new Uint8Array(0x80);
for (let code = 0; code < 0x80; code += 1) {
  ASCII_WORD[code] = (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? 1 : 0;
}

/**
 * True for a code unit that can be part of a word: a letter, digit or combining mark in any script. Every
 * surrogate counts as a word character, so an emoji or a rare ideograph glued to a value keeps it from being a
 * whole value (the cautious reading).
 *
 * @example
 * ```ts
 * isWordCode('é'.charCodeAt(0)); // true
 * isWordCode('_'.charCodeAt(0)); // false
 * ```
 */
export function isWordCode(code: number): boolean {
  if (code < 0x80) return ASCII_WORD[code] === 1;
  if (code >= 0xd800 && code <= 0xdfff) return true;
  let known = nonAsciiWord[code];
  if (known === 0) {
    known = WORD_PATTERN.test(String.fromCharCode(code)) ? 1 : 2;
    nonAsciiWord[code] = known;
  }
  return known === 1;
}

/** True for an ASCII digit: the only digits the number, phone and IBAN grammars accept. */
export function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * True for a code unit that JavaScript's `\s` matches (and `String.prototype.trim` removes), so that
 * canonical text (trimmed, whitespace runs collapsed) and the scanners agree on what a space is.
 */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

// `_ - . / \ @ : # + % ~`: the characters that glue words into one value (`A-12`, `ann@corp.io`,
// `/srv/x`, `v1.2`, `a+b`), so a value may not end or start right next to them when a word follows.
const JOINERS = new Uint8Array(0x80);
for (const joiner of [0x5f, 0x2d, 0x2e, 0x2f, 0x5c, 0x40, 0x3a, 0x23, 0x2b, 0x25, 0x7e]) JOINERS[joiner] = 1;

/**
 * True when the code unit at `index` joins what surrounds it into one value: one of `_ - . / \ @ : # + % ~`,
 * or a `,` between two digits (a thousands separator: `40` is not a whole value in `40,000`, but `"a": 40,`
 * still ends one).
 */
export function isJoinerAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80 && JOINERS[code] === 1) return true;
  return code === 0x2c && isDigitCode(text.charCodeAt(index - 1)) && isDigitCode(text.charCodeAt(index + 1));
}

/** True for the separators a phone number may contain: whitespace, `-`, `.`, `(` and `)`. */
export function isPhoneSeparatorCode(code: number): boolean {
  return code === 0x2d || code === 0x2e || code === 0x28 || code === 0x29 || isWhitespaceCode(code);
}

// A whitespace run that is not a lone space: lone spaces, most of them, are left in place, not replaced.
const SPACING = /\s{2,}|[^\S ]/gu;

/**
 * The text trimmed, with every whitespace run replaced by one space: the form values are compared in.
 *
 * @example
 * ```ts
 * collapseWhitespace('  Q3\n  report.pdf '); // 'Q3 report.pdf'
 * ```
 */
export function collapseWhitespace(text: string): string {
  // Most values hold no whitespace but single spaces between words; they come back as they are, unscanned by
  // a regular expression.
  let previous = 0x20;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x20 ? previous === 0x20 : isWhitespaceCode(code)) return text.trim().replace(SPACING, ' ');
    previous = code;
  }
  return previous === 0x20 && text.length > 0 ? text.trim() : text;
}

/** True when the text holds at least one word character. */
export function hasWordCode(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (isWordCode(text.charCodeAt(index))) return true;
  return false;
}
