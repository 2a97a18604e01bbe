import { BUILTIN_RULE_IDS, compilePolicy, type CompiledPolicy, type Guard, type Policy } from '@labelflow/core';
import { createAdviceProjectionGuard, ADVICE_PROJECTION_GUARD } from './advice-projection-guard.js';
import type { Protection } from './agent-driver.js';
import type { AnySuite, AnyUserTask, Manifest, ProfileId } from './scenario-types.js';
import { createTrustedPayloadGuard, TRUSTED_PAYLOAD_GUARD } from './trusted-payload-guard.js';

/** Writes P1 refuses outright (mlld hard-denies password changes; research/agentdojo.md §7.4). */
export const P1_HARD_DENY = ['update_password'] as const;

/** The P0 rules: labelflow's defaults (every built-in rule except `no-send-to-external`). */
export const P0_RULES = BUILTIN_RULE_IDS.filter((rule) => rule !== 'no-send-to-external');

/**
 * A switch an ablation turns off, named after what a denial reports: a built-in rule id, `authorizations`
 * (the manifest), `capabilities` (P1's hard deny) or a guard (`guard:<name>`).
 */
export function switchOf(ruleId: string): string {
  if (ruleId.startsWith('authorizations.')) return 'authorizations';
  if (ruleId.startsWith('capabilities.')) return 'capabilities';
  return ruleId;
}

type Pin = string | number | boolean | null | (string | number)[] | { oneOf: (string | number)[] };

/** True when a tool's argument takes a list (recipients), judged from its zod schema. */
function isListArgument(suite: AnySuite, tool: string, arg: string): boolean {
  const shape = (suite.tools.find((spec) => spec.name === tool)?.input as { shape?: Record<string, unknown> } | undefined)?.shape;
  let schema = shape?.[arg] as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (schema?.def?.type === 'optional') schema = schema.def.innerType as typeof schema;
  return schema?.def?.type === 'array';
}

/**
 * A `'*'` pin lists every value of the argument's kind: as a list for a list argument (the call's list must be a
 * subset), as `oneOf` for a scalar (a scalar number does not match a pinned list; see the report).
 */
function authorizations(suite: AnySuite, manifest: Manifest, env: unknown): NonNullable<Policy['authorizations']> {
  const allow: Record<string, true | { args: Record<string, Pin> }> = {};
  for (const [tool, entry] of Object.entries(manifest)) {
    if (entry === true) {
      allow[tool] = true;
      continue;
    }
    const args: Record<string, Pin> = {};
    for (const [arg, pin] of Object.entries(entry)) {
      if (pin !== '*') args[arg] = Array.isArray(pin) ? [...(pin as (string | number)[])] : (pin as string | number | boolean | null);
      else args[arg] = isListArgument(suite, tool, arg) ? [...suite.domain(tool, arg, env)] : { oneOf: [...suite.domain(tool, arg, env)] };
    }
    allow[tool] = { args };
  }
  return { allow };
}

/**
 * Builds what labelflow runs with for one task under one profile (research/agentdojo.md §7.4):
 * - P0: the default built-in rules over the suite's tool metadata (provenance only);
 * - P0+M: plus the task's manifest as `authorizations` (the writes its ground truth needs, targets pinned);
 * - P1: plus the prompt-only manifest, a capability deny for password changes, the trusted-payload guard and,
 *   for recommendation tasks, the advice projection.
 * `disabled` switches parts off for ablations (see `switchOf`).
 */
export function buildProtection(
  suite: AnySuite,
  task: AnyUserTask,
  profile: ProfileId,
  options: { env?: unknown; disabled?: ReadonlySet<string> } = {},
): Protection & { readonly key: string } {
  const { policy, guards } = describeProtection(suite, task, profile, options);
  const key = `${JSON.stringify(policy)}|${guards.map((guard) => guard.name).join(',')}`;
  return { policy: compiled(policy, key), guards, key };
}

/** The policy document and guards of a profile, before compiling (`key` in `buildProtection` identifies them). */
function describeProtection(
  suite: AnySuite,
  task: AnyUserTask,
  profile: ProfileId,
  { env = suite.createEnvironment(), disabled = new Set<string>() }: { env?: unknown; disabled?: ReadonlySet<string> },
): { policy: Policy; guards: Guard[] } {
  const policy: Policy = { defaults: { rules: P0_RULES.filter((rule) => !disabled.has(rule)) } };
  if (profile !== 'P0' && !disabled.has('authorizations')) {
    const manifest = profile === 'P1' ? task.strictManifest ?? task.manifest : task.manifest;
    policy.authorizations = authorizations(suite, manifest, env);
  }
  const guards: Guard[] = [];
  if (profile === 'P1') {
    const denied = P1_HARD_DENY.filter((tool) => suite.tools.some((spec) => spec.name === tool));
    if (denied.length > 0 && !disabled.has('capabilities')) policy.capabilities = { deny: denied.map((tool) => `tool:${tool}`) };
    const payload = disabled.has(`guard:${TRUSTED_PAYLOAD_GUARD}`) ? undefined : createTrustedPayloadGuard(suite.tools);
    if (payload !== undefined) guards.push(payload);
    const projection = task.advice === true && !disabled.has(`guard:${ADVICE_PROJECTION_GUARD}`) ? createAdviceProjectionGuard(suite.tools) : undefined;
    if (projection !== undefined) guards.push(projection);
  }
  return { policy, guards };
}

const COMPILED = new Map<string, CompiledPolicy>();

/** Compiles each distinct policy once: thousands of runs share a few dozen policies. */
function compiled(policy: Policy, key: string): CompiledPolicy {
  let found = COMPILED.get(key);
  if (found === undefined) {
    found = compilePolicy(policy);
    COMPILED.set(key, found);
  }
  return found;
}
