/** Secrets shorter than this are matched verbatim only: their encodings would be too short to mean anything. */
export const MIN_ENCODED_SECRET_LENGTH = 4;

/** The strings whose presence in a text reveals a secret. */
export interface SecretForms {
  /** Compared exactly: the secret, JSON-escaped, its base64 / base64url cores, its URL encodings. */
  readonly exact: readonly string[];
  /** Compared ignoring ASCII case: its hex forms, with or without separators, and per-byte escapes. */
  readonly caseless: readonly string[];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX_SEPARATORS = ['', ':', ' ', '-', ','];
const HEX_PREFIXES = ['%', '\\x'];

/**
 * The forms in which a secret (as UTF-8) can appear in a text: verbatim and JSON-escaped; base64 and
 * base64url at each of the three byte alignments it can have inside a longer encoded string, keeping only the
 * characters that depend on the secret alone (so padding, and whatever is encoded around it, do not matter);
 * hex, plain or with `:`, space, `-` or `,` between bytes, and `%xx` / `\xXX` per byte; and URL-encoded as by
 * `encodeURIComponent`, with `+` for spaces, and as form data, with upper- or lower-case escapes. Secrets
 * shorter than {@link MIN_ENCODED_SECRET_LENGTH} have only their verbatim form.
 *
 * Not covered: encodings of encodings (base64 inside percent-encoding), line-wrapped base64, and the secret
 * with separators inserted between its characters.
 *
 * @example
 * ```ts
 * secretForms('hunter22').exact;    // ['hunter22', 'aHVudGVyMj', 'h1bnRlcjIy', 'odW50ZXIyM']
 * secretForms('hunter22').caseless; // ['68756e7465723232', '68:75:6e:74:65:72:32:32', …, '%68%75%6e…']
 * ```
 */
export function secretForms(secret: string): SecretForms {
  if (secret.length < MIN_ENCODED_SECRET_LENGTH) return { exact: [secret], caseless: [] };
  const bytes = new TextEncoder().encode(secret);
  // Inside serialised JSON (a tool argument scanned as text), `"`, `\` and control characters are escaped.
  const exact = new Set<string>([secret, JSON.stringify(secret).slice(1, -1)]);
  for (let alignment = 0; alignment < 3; alignment += 1) {
    const core = base64Core(bytes, alignment);
    exact.add(core);
    exact.add(core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  for (const form of [percentEncode(bytes, COMPONENT, false), percentEncode(bytes, COMPONENT, true), percentEncode(bytes, FORM, true)]) {
    exact.add(form);
    exact.add(form.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
  }
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0'));
  const caseless = new Set<string>();
  for (const separator of HEX_SEPARATORS) caseless.add(hex.join(separator));
  for (const prefix of HEX_PREFIXES) caseless.add(hex.map((pair) => prefix + pair).join(''));
  return { exact: [...exact], caseless: [...caseless] };
}

// The base64 characters whose six bits all come from the secret when it starts `alignment` bytes into the
// encoded data.
function base64Core(bytes: Uint8Array, alignment: number): string {
  const padded = new Uint8Array(alignment + bytes.length + 3);
  padded.set(bytes, alignment);
  let encoded = '';
  for (let index = 0; index + 2 < padded.length; index += 3) {
    const triple = ((padded[index] ?? 0) << 16) | ((padded[index + 1] ?? 0) << 8) | (padded[index + 2] ?? 0);
    for (let shift = 18; shift >= 0; shift -= 6) encoded += BASE64[(triple >> shift) & 63];
  }
  return encoded.slice(Math.ceil((8 * alignment) / 6), Math.floor((8 * (alignment + bytes.length)) / 6));
}

// Bytes left as they are by encodeURIComponent, and by form encoding (URLSearchParams).
const COMPONENT = /[A-Za-z0-9\-_.!~*'()]/;
const FORM = /[A-Za-z0-9\-_.*]/;

function percentEncode(bytes: Uint8Array, unreserved: RegExp, plusForSpace: boolean): string {
  let encoded = '';
  for (const byte of bytes) {
    const character = String.fromCharCode(byte);
    if (byte < 0x80 && unreserved.test(character)) encoded += character;
    else if (byte === 0x20 && plusForSpace) encoded += '+';
    else encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}
