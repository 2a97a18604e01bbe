/** Where the literals of a JSON text are: offsets into the text, in document order. */
export interface JsonLiterals {
  /** Per string (keys and values): the offset after its opening quote, of its closing quote, and 1 when it holds an escape. */
  readonly strings: number[];
  /** Per number: its start and end offsets. */
  readonly numbers: number[];
}

const OBJECT = 1;
const ARRAY = 2;
const VALUE = 0;
const KEY = 1;
const AFTER = 2;

/**
 * Locates the string and number literals of `text` when the whole text is one JSON object or array, exactly as
 * `JSON.parse` would accept it (RFC 8259: no comments, no trailing commas, whitespace is space, tab, CR and LF
 * only); `undefined` otherwise. One pass, no values built, nesting on an explicit stack, so hostile depth
 * cannot overflow the call stack. Duplicate keys are all reported (the text shows every one of them).
 *
 * @example
 * ```ts
 * scanJson('{"to":"a\\nb","n":[40]}'); // { strings: [2, 4, 0, 7, 11, 1, 14, 15, 0], numbers: [18, 20] }
 * scanJson('[1,]');                    // undefined
 * ```
 */
export function scanJson(text: string): JsonLiterals | undefined {
  const strings: number[] = [];
  const numbers: number[] = [];
  const stack: number[] = [];
  const marks: Marks = { backslash: -1, control: -1 };
  let index = skipWhitespace(text, 0);
  const opening = text.charCodeAt(index);
  if (opening !== 0x7b && opening !== 0x5b) return undefined;
  let expect = VALUE;
  for (;;) {
    index = skipWhitespace(text, index);
    const code = text.charCodeAt(index);
    if (expect === AFTER) {
      if (stack.length === 0) return index === text.length ? { strings, numbers } : undefined;
      const container = stack[stack.length - 1];
      if (code === 0x2c) {
        index += 1;
        expect = container === OBJECT ? KEY : VALUE;
      } else if ((code === 0x7d && container === OBJECT) || (code === 0x5d && container === ARRAY)) {
        stack.pop();
        index += 1;
      } else return undefined;
    } else if (code === 0x22) {
      const end = scanString(text, index + 1, strings, marks);
      if (end < 0) return undefined;
      index = end + 1;
      if (expect === KEY) {
        index = skipWhitespace(text, index);
        if (text.charCodeAt(index) !== 0x3a) return undefined;
        index += 1;
        expect = VALUE;
      } else expect = AFTER;
    } else if (expect === KEY) return undefined;
    else if (code === 0x7b || code === 0x5b) {
      stack.push(code === 0x7b ? OBJECT : ARRAY);
      index = skipWhitespace(text, index + 1);
      const closing = text.charCodeAt(index);
      if ((code === 0x7b && closing === 0x7d) || (code === 0x5b && closing === 0x5d)) {
        stack.pop();
        index += 1;
        expect = AFTER;
      } else expect = code === 0x7b ? KEY : VALUE;
    } else if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
      const end = scanNumber(text, index);
      if (end < 0) return undefined;
      numbers.push(index, end);
      index = end;
      expect = AFTER;
    } else {
      const literal = code === 0x74 ? 'true' : code === 0x66 ? 'false' : code === 0x6e ? 'null' : undefined;
      if (literal === undefined || !text.startsWith(literal, index)) return undefined;
      index += literal.length;
      expect = AFTER;
    }
  }
}

function skipWhitespace(text: string, from: number): number {
  let index = from;
  for (;;) {
    const code = text.charCodeAt(index);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return index;
    index += 1;
  }
}

// The next backslash and control character at or after the current string, found by native searches and
// kept until passed: a string holding neither (most strings) is located without a loop over its characters.
interface Marks {
  backslash: number;
  control: number;
}

const CONTROL = /[\u0000-\u001f]/g;
// `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`.
const SIMPLE_ESCAPES = [0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74];

// Returns the offset of the closing quote, or -1; records the string's span.
function scanString(text: string, from: number, strings: number[], marks: Marks): number {
  const quote = text.indexOf('"', from);
  if (quote === -1) return -1;
  if (marks.backslash < from) marks.backslash = nextOrInfinity(text.indexOf('\\', from));
  if (marks.control < from) {
    CONTROL.lastIndex = from;
    marks.control = CONTROL.exec(text)?.index ?? Infinity;
  }
  if (marks.backslash > quote && marks.control > quote) {
    strings.push(from, quote, 0);
    return quote;
  }
  return scanEscapedString(text, from, strings);
}

function nextOrInfinity(index: number): number {
  return index === -1 ? Infinity : index;
}

// The string holds an escape or a control character: read it character by character.
function scanEscapedString(text: string, from: number, strings: number[]): number {
  let escaped = 0;
  let index = from;
  for (;;) {
    const code = text.charCodeAt(index);
    if (code === 0x22) break;
    if (!(code >= 0x20)) return -1; // a control character, or the end of the text (NaN)
    if (code === 0x5c) {
      escaped = 1;
      const next = text.charCodeAt(index + 1);
      if (next === 0x75) {
        for (let digit = index + 2; digit < index + 6; digit += 1) if (!isHexCode(text.charCodeAt(digit))) return -1;
        index += 6;
      } else if (SIMPLE_ESCAPES.includes(next)) index += 2;
      else return -1;
    } else index += 1;
  }
  strings.push(from, index, escaped);
  return index;
}

// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; returns the end offset, or -1.
function scanNumber(text: string, from: number): number {
  let index = from;
  if (text.charCodeAt(index) === 0x2d) index += 1;
  if (text.charCodeAt(index) === 0x30) index += 1;
  else {
    const digits = skipDigits(text, index);
    if (digits === index) return -1;
    index = digits;
  }
  if (text.charCodeAt(index) === 0x2e) {
    const digits = skipDigits(text, index + 1);
    if (digits === index + 1) return -1;
    index = digits;
  }
  const exponent = text.charCodeAt(index);
  if (exponent === 0x65 || exponent === 0x45) {
    index += 1;
    const sign = text.charCodeAt(index);
    if (sign === 0x2b || sign === 0x2d) index += 1;
    const digits = skipDigits(text, index);
    if (digits === index) return -1;
    index = digits;
  }
  return index;
}

function skipDigits(text: string, from: number): number {
  let index = from;
  while (isDigit(text.charCodeAt(index))) index += 1;
  return index;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isHexCode(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}
