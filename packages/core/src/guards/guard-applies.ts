import type { Label } from '../labels/label.js';
import type { SelectorMatcher } from './compile-guard-selector.js';
import { defineGuard, GUARD_SELECTOR, type Guard } from './define-guard.js';
import type { GuardContext } from './guard-context.js';

/**
 * The labels a guard's `when.labels` is matched against: the context's labels, every argument's labels and,
 * after the call, the result's labels. Computed here rather than trusted from `ctx.labels`, so an engine that
 * forgot one argument cannot make a guard miss it.
 */
export function inputLabels(ctx: Pick<GuardContext, 'phase' | 'labels' | 'argLabels' | 'resultLabels'>): readonly Label[] {
  const labels = new Set<Label>(ctx.labels);
  for (const argument of Object.values(ctx.argLabels)) for (const label of argument) labels.add(label);
  if (ctx.phase === 'after') for (const label of ctx.resultLabels ?? []) labels.add(label);
  return [...labels];
}

function matcherOf(guard: Guard): SelectorMatcher {
  const compiled = (guard as Guard & { [GUARD_SELECTOR]?: SelectorMatcher })[GUARD_SELECTOR];
  if (typeof compiled === 'function') return compiled;
  // A guard not made by `defineGuard` is validated now; an invalid one throws instead of matching loosely.
  return (defineGuard(guard) as Guard & { [GUARD_SELECTOR]: SelectorMatcher })[GUARD_SELECTOR];
}

/**
 * True when `guard` applies to the call in `ctx`: it has no `when`, or every selector kind it gives matches
 * (`labels` against the input labels, `ops` against the operation targets, `tools` against the tool name).
 * It does not look at the phase: a guard without a handler for the phase is skipped by `runGuards`.
 *
 * @example
 * ```ts
 * const guard = defineGuard({ name: 'mcp-reads', when: { labels: ['src:mcp'], ops: ['exfil'] }, before: () => undefined });
 * guardApplies(guard, ctx); // true when an argument came from any MCP tool and the tool is any `exfil` operation
 * ```
 */
export function guardApplies(guard: Guard, ctx: GuardContext): boolean {
  return matcherOf(guard)({ labels: inputLabels(ctx), targets: ctx.targets, tool: ctx.tool });
}
