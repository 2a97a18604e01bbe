/** Longest text read as a number; longer digit strings are ids, compared as text. */
export const MAX_NUMBER_LENGTH = 64;

// Leading zeros are significant in ids (`007`, `0042`), so only `0` itself and `0.x` may start with a zero.
// Thousands separators are `,` in groups of three; a space-grouped `1 000` is text, because `1 000` could as
// well be two values.
const NUMBER = /^(-?)(0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.(\d+))?$/;

/**
 * The canonical decimal form of a number written as text, or `undefined` when the text is not a number by
 * labelflow's grammar: an optional `-`, an integer part without leading zeros (`,` thousands separators
 * allowed), an optional `.` fraction. Trailing fraction zeros, the `.` of an empty fraction and the sign of
 * zero are dropped. Exponents, `+`, `.5` and `5.` are not numbers.
 *
 * @example
 * ```ts
 * canonicalNumber('1,000.50'); // '1000.5'
 * canonicalNumber('-0.0');     // '0'
 * canonicalNumber('007');      // undefined
 * ```
 */
export function canonicalNumber(text: string): string | undefined {
  if (text.length > MAX_NUMBER_LENGTH) return undefined;
  const match = NUMBER.exec(text);
  if (match === null) return undefined;
  const [, sign = '', integer = '', fraction = ''] = match;
  return decimal(sign === '-', integer.replaceAll(',', ''), fraction);
}

/**
 * The canonical decimal form of a finite JavaScript number, the same form {@link canonicalNumber} gives its
 * text: never an exponent (`1e21` is `1000000000000000000000`), `-0` is `0`.
 *
 * @example
 * ```ts
 * canonicalJsNumber(40.5);  // '40.5'
 * canonicalJsNumber(1e-7);  // '0.0000001'
 * ```
 */
export function canonicalJsNumber(value: number): string {
  const text = String(Math.abs(value));
  const exponentAt = text.indexOf('e');
  const mantissa = exponentAt === -1 ? text : text.slice(0, exponentAt);
  const exponent = exponentAt === -1 ? 0 : Number(text.slice(exponentAt + 1));
  const pointAt = mantissa.indexOf('.');
  const digits = pointAt === -1 ? mantissa : mantissa.slice(0, pointAt) + mantissa.slice(pointAt + 1);
  const point = (pointAt === -1 ? mantissa.length : pointAt) + exponent;
  if (point <= 0) return decimal(value < 0, '0', '0'.repeat(-point) + digits);
  if (point >= digits.length) return decimal(value < 0, digits + '0'.repeat(point - digits.length), '');
  return decimal(value < 0, digits.slice(0, point), digits.slice(point));
}

function decimal(negative: boolean, integer: string, fraction: string): string {
  const whole = integer.replace(/^0+(?=\d)/, '');
  const part = fraction.replace(/0+$/, '');
  const zero = /^0*$/.test(whole) && part === '';
  return `${negative && !zero ? '-' : ''}${whole}${part === '' ? '' : `.${part}`}`;
}
