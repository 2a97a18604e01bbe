import { isWellFormedLabel, type Label } from '../labels/label.js';
import type { GuardOutcome } from './guard-outcome.js';

/** What a guard returned, once read: an outcome, no opinion, or something `runGuards` must refuse. */
export type ReadOutcome =
  | { readonly type: 'outcome'; readonly outcome: GuardOutcome }
  | { readonly type: 'none' }
  | { readonly type: 'invalid'; readonly problem: string };

const KEYS: Readonly<Record<GuardOutcome['type'], readonly string[]>> = {
  allow: ['type'],
  deny: ['type', 'reason'],
  retry: ['type', 'hint'],
  transform: ['type', 'args', 'result'],
  'require-approval': ['type', 'reason'],
  relabel: ['type', 'add', 'remove', 'args'],
};

const NONE: ReadOutcome = Object.freeze({ type: 'none' });

class Problem {
  constructor(readonly text: string) {}
}

function fail(text: string): never {
  throw new Problem(text);
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return typeof value;
}

function isOutcomeType(value: unknown): value is GuardOutcome['type'] {
  return typeof value === 'string' && Object.hasOwn(KEYS, value);
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(`\`${field}\` must be a non-empty string`);
  return value;
}

function list(value: unknown, field: string, accept: (item: unknown) => boolean, what: string): readonly string[] {
  if (value === undefined) return Object.freeze([]);
  if (!Array.isArray(value)) fail(`\`${field}\` must be an array of ${what}`);
  const items: string[] = [];
  for (const item of value as unknown[]) {
    if (!accept(item)) fail(`\`${field}\` must be an array of ${what}, found ${describeValue(item)}`);
    items.push(item as string);
  }
  return Object.freeze(items);
}

function read(value: object): GuardOutcome {
  const type = (value as { type?: unknown }).type;
  if (!isOutcomeType(type)) fail(`unknown outcome type ${describeValue(type)}`);
  // Refuse unknown keys: a misspelt `args` on a relabel would otherwise widen it to every argument.
  const unknown = Object.keys(value).filter((key) => !KEYS[type].includes(key));
  if (unknown.length > 0) fail(`\`${type}\` outcome has unknown key${unknown.length === 1 ? '' : 's'} ${unknown.map((key) => `\`${key}\``).join(', ')}`);
  const field = (key: string): unknown => (value as Record<string, unknown>)[key];
  switch (type) {
    case 'allow':
      return Object.freeze({ type });
    case 'deny':
    case 'require-approval':
      return Object.freeze({ type, reason: text(field('reason'), 'reason') });
    case 'retry':
      return Object.freeze({ type, hint: text(field('hint'), 'hint') });
    case 'transform':
      return readTransform(value);
    case 'relabel':
      return readRelabel(field('add'), field('remove'), field('args'));
  }
}

function readTransform(value: object): GuardOutcome {
  const hasArgs = Object.hasOwn(value, 'args');
  if (hasArgs === Object.hasOwn(value, 'result')) fail('`transform` outcome needs exactly one of `args` or `result`');
  if (!hasArgs) return Object.freeze({ type: 'transform', result: (value as { result: unknown }).result });
  const args: unknown = (value as { args: unknown }).args;
  if (typeof args !== 'object' || args === null || Array.isArray(args)) fail('`args` must be an object of named arguments');
  // A fresh object of own data properties: later getters or prototype tricks cannot change what was decided.
  return Object.freeze({ type: 'transform', args: Object.freeze(Object.fromEntries(Object.entries(args))) });
}

function readRelabel(add: unknown, remove: unknown, args: unknown): GuardOutcome {
  const added = list(add, 'add', isWellFormedLabel, 'labels');
  const removed = list(remove, 'remove', isWellFormedLabel, 'labels');
  if (added.length === 0 && removed.length === 0) fail('`relabel` outcome must add or remove at least one label');
  if (args === undefined) return Object.freeze({ type: 'relabel', add: added as readonly Label[], remove: removed as readonly Label[] });
  const names = list(args, 'args', (item) => typeof item === 'string' && item !== '', 'argument names');
  if (names.length === 0) fail('`args` must name at least one argument (leave it out to relabel every argument)');
  return Object.freeze({ type: 'relabel', add: added, remove: removed, args: names });
}

/**
 * Reads what a guard returned. `undefined` is "no opinion"; anything else must be a well-formed outcome
 * (built by `outcome.*` or by hand). The result is a fresh frozen copy, so a getter or proxy cannot change
 * it after it was checked. Never throws.
 *
 * @example
 * ```ts
 * readGuardOutcome(outcome.deny('no'));   // { type: 'outcome', outcome: { type: 'deny', reason: 'no' } }
 * readGuardOutcome(undefined);            // { type: 'none' }
 * readGuardOutcome({ type: 'alow' });     // { type: 'invalid', problem: 'unknown outcome type "alow"' }
 * ```
 */
export function readGuardOutcome(value: unknown): ReadOutcome {
  if (value === undefined) return NONE;
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      fail(`expected a guard outcome or undefined, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
    }
    return Object.freeze({ type: 'outcome', outcome: read(value) });
  } catch (error) {
    // Fail closed: an outcome we cannot read whole (a throwing getter, a revoked proxy) is not an outcome.
    const problem = error instanceof Problem ? error.text : 'the outcome could not be read';
    return Object.freeze({ type: 'invalid', problem });
  }
}
