/** Longest text (trimmed, single spaces) read as a phone number. */
export const MAX_PHONE_LENGTH = 64;

// An optional `+`, then digits and `(digits)` groups, with at most one separator (` `, `-`, `.`) between
// them. Each step is decided by its first character, so the match cannot backtrack badly.
const PHONE = /^\+?(?:\(\d+\)|\d)(?:[ .-]?(?:\(\d+\)|\d))*$/;

// Shapes that have phone-like digits but are something else: an IPv4 address and the common date forms.
const NOT_PHONES = [/^\d{1,3}(?:\.\d{1,3}){3}$/, /^\d{4}-\d{2}-\d{2}$/, /^\d{2}[.-]\d{2}[.-]\d{4}$/];

/**
 * The canonical form of a phone number (its digits, keeping a leading `+`), or `undefined` when `text`
 * (already trimmed, with single spaces) is not one: an optional `+`, then 7 to 15 digits, separated by
 * spaces, dashes, dots or parentheses around a group. IPv4 addresses and dates (`2024-05-01`, `01.05.2024`)
 * are not phone numbers. Callers read plain digit strings as numbers first (see `canonicalValue`).
 *
 * @example
 * ```ts
 * canonicalPhone('+44 20 7946 0958'); // '+442079460958'
 * canonicalPhone('(555) 123-4567');   // '5551234567'
 * canonicalPhone('192.168.1.10');     // undefined
 * ```
 */
export function canonicalPhone(text: string): string | undefined {
  if (text.length > MAX_PHONE_LENGTH || !PHONE.test(text)) return undefined;
  if (NOT_PHONES.some((shape) => shape.test(text))) return undefined;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  return text.startsWith('+') ? `+${digits}` : digits;
}
