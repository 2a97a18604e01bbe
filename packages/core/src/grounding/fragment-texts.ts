import { canonicalNumber } from './canonical-number.js';
import { canonicalValue } from './value-kind.js';
import { scanJson } from './scan-json.js';

/** What a fragment offers the index: its text, or the fields of its JSON when it is JSON. */
export interface FragmentTexts {
  /** True when the content is a JSON object or array: `fields` are its strings, not the content. */
  readonly json: boolean;
  /** Strings searched as text: the content itself, or every string value and key of its JSON, decoded. */
  readonly fields: readonly string[];
  /** Per field, false when it cannot hold a URL (it has neither `://` nor `www.`). */
  readonly mayHoldUrl: readonly boolean[];
  /** The canonical numbers of its JSON, each a whole value. */
  readonly numbers: readonly string[];
}

/**
 * The texts of a fragment to index. Content that is a JSON object or array yields each string value and key,
 * decoded, and each number, instead of its text: a whole field is a whole value (`[40,500]` holds `40` even
 * though `40,500` in prose is one number), escapes (`\n`, `\"`, `\u00e9`) no longer hide what they encode, and
 * the JSON syntax itself (quotes, `":"`, `true`, `null`) offers nothing. A number is offered as written
 * (`12345678901234567890`) and as JavaScript reads it (`12345678901234567000`, `1.5e3` as `1500`).
 *
 * @example
 * ```ts
 * fragmentTexts('{"to":"ann@corp.io","n":[40,500]}');
 * // { json: true, fields: ['to', 'ann@corp.io', 'n'], mayHoldUrl: [false, false, false], numbers: ['40', '500'] }
 * ```
 */
export function fragmentTexts(content: string): FragmentTexts {
  const literals = scanJson(content);
  if (literals === undefined) return { json: false, fields: [content], mayHoldUrl: [true], numbers: [] };
  const fields: string[] = [];
  const mayHoldUrl: boolean[] = [];
  const { strings } = literals;
  // One search of the whole text tells which plain strings hold a URL mark; the thousands of short fields of a
  // large result are then not searched one by one. An escaped string may decode to a mark (`:\/\/`).
  const marks = urlMarks(content);
  let mark = 0;
  for (let index = 0; index < strings.length; index += 3) {
    const start = strings[index] as number;
    const end = strings[index + 1] as number;
    const escaped = strings[index + 2] === 1;
    // The scanner has checked every escape, so the literal parses; only escaped strings need it.
    fields.push(escaped ? (JSON.parse(content.slice(start - 1, end + 1)) as string) : content.slice(start, end));
    while (mark < marks.length && (marks[mark] as number) <= start) mark += 1;
    mayHoldUrl.push(escaped || (mark < marks.length && (marks[mark] as number) <= end));
  }
  const numbers: string[] = [];
  const { numbers: spans } = literals;
  for (let index = 0; index < spans.length; index += 2) {
    const literal = content.slice(spans[index], spans[index + 1]);
    const written = canonicalNumber(literal);
    if (written !== undefined) numbers.push(written);
    // `1e400` reads as Infinity, which is no number anyone can name.
    const read = canonicalValue(Number(literal));
    if (read?.kind === 'number' && read.canonical !== written) numbers.push(read.canonical);
  }
  return { json: true, fields, mayHoldUrl, numbers };
}

const URL_MARK = /:\/\/|www\./gi;

// Where each `://` and `www.` ends. No mark holds a quote, so a mark lies within a string literal when it ends
// after the opening quote and at or before the closing one.
function urlMarks(content: string): number[] {
  const ends: number[] = [];
  URL_MARK.lastIndex = 0;
  for (let found = URL_MARK.exec(content); found !== null; found = URL_MARK.exec(content)) {
    ends.push(found.index + found[0].length);
  }
  return ends;
}
