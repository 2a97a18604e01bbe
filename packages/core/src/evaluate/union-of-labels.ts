import type { Label } from '../labels/label.js';

const NO_LABELS: readonly Label[] = Object.freeze([]);
// Below this many labels a linear scan beats building a set.
const SMALL = 16;

/** The labels of both lists, each once, in first-seen order; frozen, since decisions hand them out. */
export function unionOfLabels(first: readonly Label[] | undefined, second?: readonly Label[]): readonly Label[] {
  const a = first ?? NO_LABELS;
  const b = second ?? NO_LABELS;
  if (a.length + b.length === 0) return NO_LABELS;
  if (a.length + b.length > SMALL) return Object.freeze([...new Set([...a, ...b])]);
  const out: Label[] = [];
  for (const label of a) if (!out.includes(label)) out.push(label);
  for (const label of b) if (!out.includes(label)) out.push(label);
  return Object.freeze(out);
}
