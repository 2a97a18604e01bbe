import { uncertain } from './uncertain-syntax.js';

/** A word's text with a mask of the same length: `u` for unquoted characters, `q` for quoted ones. */
export interface MaskedText {
  readonly text: string;
  readonly mask: string;
}

/** Words one brace expansion may produce; bash has no limit, so a bigger expansion is denied. */
export const MAX_BRACE_WORDS = 256;

const SEQUENCE = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/u;

/**
 * Expands bash brace expressions in the unquoted parts of a word: `{a,b}` and `{1..3}` (with a step and zero
 * padding), nested, left to right. Quoted braces stay literal. sh does not expand braces at all; the analysis
 * reads the bash meaning because it is the one that can reach more files.
 *
 * @example
 * ```ts
 * expandBraces({ text: 'src/{a,b}.ts', mask: 'uuuuuuuuuuuu' }).map((word) => word.text); // ['src/a.ts', 'src/b.ts']
 * ```
 */
export function expandBraces(word: MaskedText): MaskedText[] {
  const results: MaskedText[] = [];
  const pending: MaskedText[] = [word];
  while (pending.length > 0) {
    const current = pending.shift() as MaskedText;
    const expanded = expandFirst(current);
    if (expanded === undefined) results.push(current);
    else pending.unshift(...expanded);
    if (results.length + pending.length > MAX_BRACE_WORDS) uncertain(`brace expansion in \`${word.text}\` produces more than ${MAX_BRACE_WORDS} words`);
  }
  return results;
}

function expandFirst({ text, mask }: MaskedText): MaskedText[] | undefined {
  for (let open = 0; open < text.length; open += 1) {
    if (text[open] !== '{' || mask[open] !== 'u') continue;
    const close = matchingBrace(text, mask, open);
    if (close === undefined) continue;
    const alternatives = alternativesOf(text.slice(open + 1, close), mask.slice(open + 1, close));
    if (alternatives === undefined) continue;
    const before = { text: text.slice(0, open), mask: mask.slice(0, open) };
    const after = { text: text.slice(close + 1), mask: mask.slice(close + 1) };
    return alternatives.map((middle) => ({ text: before.text + middle.text + after.text, mask: before.mask + middle.mask + after.mask }));
  }
  return undefined;
}

function matchingBrace(text: string, mask: string, open: number): number | undefined {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (mask[index] !== 'u') continue;
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return undefined;
}

function alternativesOf(text: string, mask: string): MaskedText[] | undefined {
  const parts: MaskedText[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (mask[index] !== 'u') continue;
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}') depth -= 1;
    else if (text[index] === ',' && depth === 0) {
      parts.push({ text: text.slice(start, index), mask: mask.slice(start, index) });
      start = index + 1;
    }
  }
  if (parts.length > 0) return [...parts, { text: text.slice(start), mask: mask.slice(start) }];
  return mask.includes('q') ? undefined : sequenceOf(text);
}

function sequenceOf(text: string): MaskedText[] | undefined {
  const match = SEQUENCE.exec(text);
  if (match === null) return undefined;
  const [, from = '', to = '', stepText] = match;
  const numeric = /\d/u.test(from) && /\d/u.test(to);
  if (!numeric && (/\d/u.test(from) || /\d/u.test(to))) return undefined;
  const start = numeric ? Number(from) : from.charCodeAt(0);
  const end = numeric ? Number(to) : to.charCodeAt(0);
  const step = Math.max(1, Math.abs(Number(stepText ?? 1)));
  if (Math.abs(end - start) / step >= MAX_BRACE_WORDS) uncertain(`brace expansion \`{${text}}\` produces more than ${MAX_BRACE_WORDS} words`);
  const width = numeric && (/^-?0\d/u.test(from) || /^-?0\d/u.test(to)) ? Math.max(from.length, to.length) : 0;
  const values: MaskedText[] = [];
  for (let value = start; start <= end ? value <= end : value >= end; value += start <= end ? step : -step) {
    const item = numeric ? String(value).padStart(width, '0') : String.fromCharCode(value);
    values.push({ text: item, mask: 'u'.repeat(item.length) });
  }
  return values;
}
