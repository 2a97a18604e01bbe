import { defineGuard, isNullLike, outcome, type Guard } from '@labelflow/core';
import type { AnyToolSpec } from './scenario-types.js';

/** The guard's name; its denials carry the rule id `guard:trusted-payload`. */
export const TRUSTED_PAYLOAD_GUARD = 'trusted-payload';

/**
 * P1's strict payload rule (research/agentdojo.md §7.4): arguments a tool marks as trusted payload (amounts,
 * dates, titles: not targets, but their value matters) must be grounded in the user's words or a trusted tool
 * field; a value the model computed, or copied from untrusted text, is denied. It only adds denials: when the
 * policy already denied the call, it stays out of the way so the policy's rule is the one reported.
 */
export function createTrustedPayloadGuard(tools: readonly AnyToolSpec[]): Guard | undefined {
  const payload = new Map(tools.filter((tool) => (tool.trustedPayload ?? []).length > 0).map((tool) => [tool.name, tool.trustedPayload ?? []]));
  if (payload.size === 0) return undefined;
  return defineGuard({
    name: TRUSTED_PAYLOAD_GUARD,
    when: { tools: [...payload.keys()] },
    before: (ctx) => {
      if (ctx.decision.type !== 'allow') return undefined;
      const weak = (payload.get(ctx.tool) ?? []).filter((arg) => !isNullLike(ctx.args[arg]) && ctx.args[arg] !== undefined && !(ctx.argLabels[arg] ?? []).includes('known'));
      if (weak.length === 0) return undefined;
      return outcome.deny(`trusted payload ${weak.map((arg) => `\`${arg}\``).join(', ')} must come from the user or a trusted tool field`);
    },
  });
}
