import { compileCapabilities, compileUrlAllowList } from '../capabilities/index.js';
import { InvalidPolicyError, type PolicyIssue } from '../errors/invalid-policy-error.js';
import type { Label } from '../labels/label.js';
import type { TrustConflictMode } from '../labels/modify-labels.js';
import { DEFAULT_RULE_IDS, type BuiltinRuleId } from './builtin-rules.js';
import { compileLabelRules } from './compile-label-rules.js';
import {
  isCompiledPolicy,
  type CompiledAuthorizations,
  type CompiledLayer,
  type CompiledLimits,
  type CompiledPolicy,
  type CompiledToolMetadata,
} from './compiled-policy.js';
import { safeParsePolicy } from './parse-policy.js';
import type { ArgumentConstraint, Policy } from './policy-schema.js';

/** Options for compiling: where `~/` and relative filesystem patterns point. */
export interface CompileOptions {
  readonly homeDir?: string;
  readonly cwd?: string;
}

/** Operations every policy has: shell command operations are `exec`. */
export const BUILTIN_OPERATIONS: Readonly<Record<string, readonly Label[]>> = Object.freeze({
  exec: Object.freeze(['op:cmd', 'op:sh']),
});

const TRUST_CONFLICT_STRICTNESS: Record<TrustConflictMode, number> = { 'untrusted-wins': 0, warn: 1, error: 2 };

function ownEntries<T>(record: Readonly<Record<string, T>> | undefined): [string, T][] {
  return record === undefined ? [] : Object.keys(record).map((key) => [key, record[key] as T]);
}

function compileLayer(policy: Policy, options: CompileOptions): CompiledLayer {
  const operations = new Map<Label, readonly Label[]>();
  for (const [category, labels] of ownEntries(policy.operations)) operations.set(category, Object.freeze([...labels]));

  const labelRules = ownEntries(policy.labels).map(([key, rule]) =>
    Object.freeze({ key, deny: Object.freeze([...(rule.deny ?? [])]), allow: rule.allow === undefined ? undefined : Object.freeze([...rule.allow]) }),
  );

  let authorizations: CompiledAuthorizations | undefined;
  if (policy.authorizations !== undefined) {
    const entries = new Map<string, true | ReadonlyMap<string, ArgumentConstraint>>();
    for (const [tool, entry] of ownEntries(policy.authorizations.allow)) {
      entries.set(tool, entry === true ? true : new Map(ownEntries(entry.args)));
    }
    authorizations = entries;
  }

  let limits: CompiledLimits | undefined;
  if (policy.limits !== undefined) {
    const spend = policy.limits.spend;
    limits = Object.freeze({
      maxCalls: policy.limits.maxCalls,
      maxCallsPerTool: new Map(ownEntries(policy.limits.maxCallsPerTool)),
      spend: spend === undefined ? undefined : Object.freeze({ max: spend.max, tools: new Map(ownEntries(spend.tools)) }),
    });
  }

  return Object.freeze({
    policy,
    rules: new Set<BuiltinRuleId>(policy.defaults?.rules ?? DEFAULT_RULE_IDS),
    operations,
    labelRules: Object.freeze(labelRules),
    labelRuleIndex: compileLabelRules(labelRules),
    capabilities: compileCapabilities(policy.capabilities, options),
    authorizations,
    limits,
    urlAllowed: policy.urls?.allow === undefined ? undefined : compileUrlAllowList(policy.urls.allow),
    requireApproval: Object.freeze([...(policy.requireApproval ?? [])]),
  });
}

function union<T>(...lists: (readonly T[] | undefined)[]): readonly T[] {
  const set = new Set<T>();
  for (const list of lists) for (const value of list ?? []) set.add(value);
  return Object.freeze([...set]);
}

function mergeTools(layers: readonly CompiledLayer[]): ReadonlyMap<string, CompiledToolMetadata> {
  const tools = new Map<string, CompiledToolMetadata>();
  for (const layer of layers) {
    for (const [name, entry] of ownEntries(layer.policy.tools)) {
      const previous = tools.get(name);
      tools.set(
        name,
        Object.freeze({
          describesOperation: previous?.describesOperation === true || entry.labels !== undefined,
          labels: union(previous?.labels, entry.labels),
          controlArgs: union(previous?.controlArgs, entry.controlArgs),
          outputLabels: union(previous?.outputLabels, entry.output?.labels),
          untrustedPaths: union(previous?.untrustedPaths, entry.output?.untrustedPaths),
          secretPaths: union(previous?.secretPaths, entry.output?.secretPaths),
          auth: union(previous?.auth, entry.auth),
        }),
      );
    }
  }
  return tools;
}

function combine(layers: readonly CompiledLayer[]): CompiledPolicy {
  const operations = new Map<Label, readonly Label[]>();
  for (const [category, labels] of Object.entries(BUILTIN_OPERATIONS)) operations.set(category, labels);
  for (const layer of layers) {
    for (const [category, labels] of layer.operations) operations.set(category, union(operations.get(category), labels));
  }
  const rules = new Set<BuiltinRuleId>();
  for (const layer of layers) for (const rule of layer.rules) rules.add(rule);

  let trustConflict: TrustConflictMode = 'untrusted-wins';
  const auth = new Map<string, { from: string; as: string | undefined }>();
  const groundingMinLength: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const layer of layers) {
    const defaults = layer.policy.defaults;
    const mode = defaults?.trustconflict ?? 'untrusted-wins';
    if (TRUST_CONFLICT_STRICTNESS[mode] > TRUST_CONFLICT_STRICTNESS[trustConflict]) trustConflict = mode;
    for (const [name, source] of ownEntries(layer.policy.auth)) {
      // Later layers override credential sources: a credential reference is configuration, not a permission.
      auth.set(name, typeof source === 'string' ? { from: `env:${source}`, as: undefined } : { from: source.from, as: source.as });
    }
    for (const [kind, length] of ownEntries(defaults?.grounding?.minLength)) {
      if (length !== undefined) groundingMinLength[kind] = Math.max(groundingMinLength[kind] ?? 0, length);
    }
  }

  return Object.freeze({
    kind: 'labelflow.compiled-policy',
    layers: Object.freeze([...layers]),
    operations,
    rules,
    tools: mergeTools(layers),
    unlabeled: layers.length > 0 && layers.every((layer) => layer.policy.defaults?.unlabeled === 'trusted') ? 'trusted' : 'untrusted',
    trustConflict,
    locked: layers.some((layer) => layer.policy.locked === true),
    auth,
    autosign: union(...layers.map((layer) => layer.policy.defaults?.autosign)),
    autoverify: layers.some((layer) => layer.policy.defaults?.autoverify === true),
    groundingMinLength: Object.freeze(groundingMinLength),
  });
}

/**
 * Validates and compiles a policy (or several layers: org → team → app → task) once, for many evaluations.
 * Layers compose strictly: a call is allowed only if every layer allows it (allow = intersection, deny = union,
 * limits = minimum, `locked` sticky). Throws one `InvalidPolicyError` listing every issue in every layer.
 *
 * @example
 * ```ts
 * const compiled = compilePolicy({ operations: { exfil: ['net:w'] }, tools: { send_email: { labels: ['exfil:send'], controlArgs: ['to'] } } });
 * const decision = evaluate(compiled, request);
 * ```
 */
export function compilePolicy(
  input: Policy | CompiledPolicy | readonly (Policy | CompiledPolicy)[],
  options: CompileOptions = {},
): CompiledPolicy {
  // A compiled policy is frozen and complete: handing back the same object keeps what is remembered per policy
  // (operation targets, capability results) across the sessions an application creates from it.
  if (!Array.isArray(input) && isCompiledPolicy(input)) return input;
  const inputs: readonly unknown[] = Array.isArray(input) ? input : [input];
  const layers: CompiledLayer[] = [];
  const issues: PolicyIssue[] = [];
  inputs.forEach((item, index) => {
    if (isCompiledPolicy(item)) {
      layers.push(...item.layers);
      return;
    }
    const parsed = safeParsePolicy(item);
    if (!parsed.success) {
      const prefix = inputs.length > 1 ? [index] : [];
      for (const issue of parsed.issues) issues.push({ ...issue, path: [...prefix, ...issue.path] });
      return;
    }
    layers.push(compileLayer(parsed.policy, options));
  });
  // Fail closed: no layer at all would mean no rules at all, which is never what a caller meant.
  if (inputs.length === 0) issues.push({ path: [], code: 'empty', message: 'expected at least one policy layer' });
  if (issues.length > 0) throw new InvalidPolicyError({ issues });
  return combine(layers);
}

/**
 * Composes policy layers into one compiled policy that allows a call only if every layer allows it.
 *
 * @example
 * ```ts
 * const policy = composePolicies([orgPolicy, teamPolicy, appPolicy]);
 * ```
 */
export function composePolicies(
  layers: readonly (Policy | CompiledPolicy)[],
  options: CompileOptions = {},
): CompiledPolicy {
  return compilePolicy(layers, options);
}
