// The first group carries the country code and check digits; after it, groups of letters and digits may be
// split by single spaces, as IBANs are printed (`DE89 3704 0044 0532 0130 00`).
const IBAN = /^[A-Za-z]{2}\d{2}[A-Za-z0-9]*(?: [A-Za-z0-9]+)*$/;

/**
 * The canonical form of an IBAN (upper case, no spaces), or `undefined` when `text` (already trimmed, with
 * single spaces) is not one: two letters, two check digits, then 11 to 30 letters or digits, spaces allowed
 * between groups, and a valid ISO 13616 mod-97 checksum.
 *
 * @example
 * ```ts
 * canonicalIban('de89 3704 0044 0532 0130 00'); // 'DE89370400440532013000'
 * canonicalIban('DE89 3704 0044 0532 0130 01'); // undefined (checksum)
 * ```
 */
export function canonicalIban(text: string): string | undefined {
  if (text.length > 68 || !IBAN.test(text)) return undefined;
  const compact = text.replaceAll(' ', '').toUpperCase();
  if (compact.length < 15 || compact.length > 34) return undefined;
  return ibanChecksumIsValid(compact) ? compact : undefined;
}

/** True when an upper-case IBAN without spaces has a valid ISO 13616 mod-97 checksum. */
export function ibanChecksumIsValid(iban: string): boolean {
  const rotated = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let index = 0; index < rotated.length; index += 1) {
    const code = rotated.charCodeAt(index);
    // Letters count as 10..35, two digits each.
    remainder = code <= 0x39 ? (remainder * 10 + (code - 0x30)) % 97 : (remainder * 100 + (code - 0x41 + 10)) % 97;
  }
  return remainder === 1;
}
