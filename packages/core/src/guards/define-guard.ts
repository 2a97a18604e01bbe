import { isWellFormedLabel } from '../labels/label.js';
import { compileGuardSelector, type GuardSelector, type SelectorMatcher } from './compile-guard-selector.js';
import type { GuardContext } from './guard-context.js';
import type { GuardOutcome } from './guard-outcome.js';
import { InvalidGuardError } from './invalid-guard-error.js';

/** A guard's function for one phase. `undefined` means "no opinion". */
export type GuardHandler = (ctx: GuardContext) => GuardOutcome | undefined | void | Promise<GuardOutcome | undefined | void>;

/** What a user writes to define a guard. */
export interface GuardDefinition {
  /** Unique among the guards of a session; used in denials, audit records and `guards: { only | except }`. */
  readonly name: string;
  /** Which calls the guard applies to; leave it out to apply to every call. */
  readonly when?: GuardSelector;
  readonly before?: GuardHandler;
  readonly after?: GuardHandler;
  /** A privileged guard cannot be bypassed, may remove protected labels and may lift an overridable denial. */
  readonly privileged?: boolean;
}

/** A validated, frozen guard. */
export interface Guard {
  readonly name: string;
  readonly when?: GuardSelector;
  readonly before?: GuardHandler;
  readonly after?: GuardHandler;
  readonly privileged: boolean;
}

/** Where a guard keeps its compiled selector (`Symbol.for`, so copies of the package agree). */
export const GUARD_SELECTOR: unique symbol = Symbol.for('labelflow.guard.selector');

const DEFINITION_KEYS = new Set(['name', 'when', 'before', 'after', 'privileged']);
const SELECTOR_KEYS = new Set(['labels', 'ops', 'tools']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readList(value: unknown, key: string, accept: (item: unknown) => boolean, what: string, problems: string[]): readonly string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`\`when.${key}\` must be a non-empty array of ${what}`);
    return undefined;
  }
  const bad = (value as unknown[]).filter((item) => !accept(item));
  if (bad.length > 0) problems.push(`\`when.${key}\` has ${bad.length} entr${bad.length === 1 ? 'y that is not' : 'ies that are not'} ${what}`);
  return Object.freeze([...(value as string[])]);
}

function readSelector(when: unknown, problems: string[]): GuardSelector | undefined {
  if (!isRecord(when)) {
    problems.push('`when` must be an object with `labels`, `ops` or `tools`');
    return undefined;
  }
  const keys = Object.keys(when);
  const unknown = keys.filter((key) => !SELECTOR_KEYS.has(key));
  if (unknown.length > 0) problems.push(`\`when\` has unknown key${unknown.length === 1 ? '' : 's'} ${unknown.map((key) => `\`${key}\``).join(', ')}; use \`labels\`, \`ops\` or \`tools\``);
  // An empty `when` reads as "only some calls" but would select every call; make the author say which.
  if (keys.length === 0) problems.push('`when` is empty; leave it out to select every call');
  const isLabel = (item: unknown) => item === '*' || isWellFormedLabel(item);
  const isPattern = (item: unknown) => typeof item === 'string' && item !== '';
  const selector: { labels?: readonly string[]; ops?: readonly string[]; tools?: readonly string[] } = {};
  // A key present with `undefined` is refused too: silently dropping it would widen the selection.
  if (Object.hasOwn(when, 'labels')) selector.labels = readList(when.labels, 'labels', isLabel, 'labels', problems) ?? [];
  if (Object.hasOwn(when, 'ops')) selector.ops = readList(when.ops, 'ops', isLabel, 'labels', problems) ?? [];
  if (Object.hasOwn(when, 'tools')) selector.tools = readList(when.tools, 'tools', isPattern, 'tool names or globs', problems) ?? [];
  return Object.freeze(selector);
}

/**
 * Defines a guard: a function that runs before and/or after matching tool calls and returns an `outcome`.
 * The definition is checked once, here; a bad one throws `InvalidGuardError` naming the guard and every
 * problem.
 *
 * @param definition.name unique name, shown in denials and used by `guards: { only | except }`
 * @param definition.when labels (input labels), ops (operation targets) and tools (names or `*` globs)
 * @param definition.before runs before the call; may deny, retry, transform the arguments, relabel them or ask for approval
 * @param definition.after runs after the call; may deny, retry, transform or relabel the result
 * @param definition.privileged cannot be bypassed, may remove protected labels, may lift overridable denials
 *
 * @example
 * ```ts
 * const redactTokens = defineGuard({
 *   name: 'redact-tokens',
 *   when: { tools: ['http_*'] },
 *   after: (ctx) => outcome.transform({ result: String(ctx.result).replace(/ghp_\w+/g, '[redacted]') }),
 * });
 * ```
 */
export function defineGuard(definition: GuardDefinition): Guard {
  if (!isRecord(definition)) throw new InvalidGuardError({ problems: ['a guard definition must be an object'] });
  const { name, when, before, after, privileged } = definition as Record<string, unknown>;
  const shownName = typeof name === 'string' && name.trim() !== '' ? name : undefined;
  const problems: string[] = [];
  if (typeof name !== 'string' || name.trim() === '') problems.push('`name` must be a non-empty string');
  else if (name.trim() !== name) problems.push('`name` must not start or end with whitespace');
  const unknown = Object.keys(definition).filter((key) => !DEFINITION_KEYS.has(key));
  if (unknown.length > 0) problems.push(`unknown key${unknown.length === 1 ? '' : 's'} ${unknown.map((key) => `\`${key}\``).join(', ')}`);
  if (before !== undefined && typeof before !== 'function') problems.push('`before` must be a function');
  if (after !== undefined && typeof after !== 'function') problems.push('`after` must be a function');
  if (before === undefined && after === undefined) problems.push('give `before`, `after` or both');
  if (privileged !== undefined && typeof privileged !== 'boolean') problems.push('`privileged` must be a boolean');
  const selector = Object.hasOwn(definition, 'when') ? readSelector(when, problems) : undefined;
  if (problems.length > 0) throw new InvalidGuardError({ guard: shownName, problems });

  const guard = {
    name: name as string,
    privileged: privileged === true,
    ...(selector === undefined ? {} : { when: selector }),
    ...(before === undefined ? {} : { before: before as GuardHandler }),
    ...(after === undefined ? {} : { after: after as GuardHandler }),
  };
  const matcher: SelectorMatcher = compileGuardSelector(selector);
  Object.defineProperty(guard, GUARD_SELECTOR, { value: matcher, enumerable: false });
  return Object.freeze(guard);
}
