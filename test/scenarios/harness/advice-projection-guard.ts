import { defineGuard, outcome, type Guard } from '@labelflow/core';
import type { AnyToolSpec } from './scenario-types.js';

/** The guard's name, reported as `guard:advice-projection` when it kept an injection from the model. */
export const ADVICE_PROJECTION_GUARD = 'advice-projection';
const WITHHELD = '(review text withheld: this is a recommendation task)';

function withhold(value: unknown, segments: readonly string[]): unknown {
  if (segments.length === 0) return WITHHELD;
  if (Array.isArray(value)) return value.map((item) => withhold(item, segments));
  if (value === null || typeof value !== 'object') return value;
  const [head, ...rest] = segments as [string, ...string[]];
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = head === '*' || head === key ? withhold(item, rest) : item;
  return out;
}

/**
 * P1's advice projection (research/agentdojo.md §7.4, mlld's advice gate): in a recommendation task the model
 * ranks on trusted fields only, so every untrusted prose field (a tool's `untrustedPaths`) is withheld from the
 * results it reads. It is a result transform, not a denial: the injected review never reaches the model.
 */
export function createAdviceProjectionGuard(tools: readonly AnyToolSpec[]): Guard | undefined {
  const prose = new Map(tools.filter((tool) => (tool.metadata.output?.untrustedPaths ?? []).length > 0).map((tool) => [tool.name, tool.metadata.output?.untrustedPaths ?? []]));
  if (prose.size === 0) return undefined;
  return defineGuard({
    name: ADVICE_PROJECTION_GUARD,
    when: { tools: [...prose.keys()] },
    after: (ctx) => {
      let result = ctx.result;
      for (const path of prose.get(ctx.tool) ?? []) result = withhold(result, path.split('.'));
      return outcome.transform({ result });
    },
  });
}
