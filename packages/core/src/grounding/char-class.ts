// Character classes shared by canonicalisation, extraction and lookup. They work on UTF-16 code units so that
// every scan stays a single pass with no allocation; the few code units outside ASCII are classified once and
// cached.

const WORD_PATTERN = /[\p{L}\p{N}\p{M}]/u;
const nonAsciiWord = new Uint8Array(0x10000); // 0 = not classified yet, 1 = word, 2 = not a word

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
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
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
const JOINERS = new Set([0x5f, 0x2d, 0x2e, 0x2f, 0x5c, 0x40, 0x3a, 0x23, 0x2b, 0x25, 0x7e]);

/**
 * True when the code unit at `index` joins what surrounds it into one value: one of `_ - . / \ @ : # + % ~`,
 * or a `,` between two digits (a thousands separator: `40` is not a whole value in `40,000`, but `"a": 40,`
 * still ends one).
 */
export function isJoinerAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (JOINERS.has(code)) return true;
  return code === 0x2c && isDigitCode(text.charCodeAt(index - 1)) && isDigitCode(text.charCodeAt(index + 1));
}

/** True for the separators a phone number may contain: whitespace, `-`, `.`, `(` and `)`. */
export function isPhoneSeparatorCode(code: number): boolean {
  return code === 0x2d || code === 0x2e || code === 0x28 || code === 0x29 || isWhitespaceCode(code);
}

/**
 * The text trimmed, with every whitespace run replaced by one space: the form values are compared in.
 *
 * @example
 * ```ts
 * collapseWhitespace('  Q3\n  report.pdf '); // 'Q3 report.pdf'
 * ```
 */
export function collapseWhitespace(text: string): string {
  return text.trim().replace(/\s+/gu, ' ');
}

/** True when the text holds at least one word character. */
export function hasWordCode(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (isWordCode(text.charCodeAt(index))) return true;
  return false;
}
