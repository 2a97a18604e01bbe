import { isWhitespaceCode } from './char-class.js';
import { isLeftBoundary, isRightBoundary } from './value-boundary.js';

/**
 * True when the canonical text value `value` occurs as a whole value in `text` with its character `valueAt`
 * at `text[textAt]` (a word start in both). Characters are compared exactly, except that a space in the
 * value matches a whole run of whitespace in the text; the match must have value boundaries on both sides
 * (see `isLeftBoundary`). Reads only the characters of the match and the few around it.
 *
 * @example
 * ```ts
 * matchTextAt('Riverside View', 10, 'the Riverside\n View Hotel', 15); // true
 * matchTextAt('View Hotel', 0, 'the View Hotels', 4);                 // false: `Hotel` ends inside a word
 * ```
 */
export function matchTextAt(value: string, valueAt: number, text: string, textAt: number): boolean {
  let at = textAt;
  for (let index = valueAt; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code === 0x20) {
      if (!isWhitespaceCode(text.charCodeAt(at))) return false;
      do at += 1;
      while (isWhitespaceCode(text.charCodeAt(at)));
    } else if (text.charCodeAt(at) === code) at += 1;
    else return false;
  }
  if (!isRightBoundary(text, at, 'text')) return false;
  at = textAt - 1;
  for (let index = valueAt - 1; index >= 0; index -= 1) {
    const code = value.charCodeAt(index);
    if (code === 0x20) {
      if (!isWhitespaceCode(text.charCodeAt(at))) return false;
      do at -= 1;
      while (isWhitespaceCode(text.charCodeAt(at)));
    } else if (text.charCodeAt(at) === code) at -= 1;
    else return false;
  }
  return isLeftBoundary(text, at + 1, 'text');
}
