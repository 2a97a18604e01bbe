import type { CompiledCapabilities } from '../capabilities/index.js';
import type { Label } from '../labels/label.js';
import type { TrustConflictMode } from '../labels/modify-labels.js';
import type { BuiltinRuleId } from './builtin-rules.js';
import type { LabelRuleIndex } from './compile-label-rules.js';
import type { ArgumentConstraint, Policy } from './policy-schema.js';

/** A `labels` rule for one label key. */
export interface CompiledLabelRule {
  readonly key: Label;
  readonly deny: readonly Label[];
  readonly allow: readonly Label[] | undefined;
}

/** `authorizations.allow` of one layer: per tool, `true` or the pinned arguments. */
export type CompiledAuthorizations = ReadonlyMap<string, true | ReadonlyMap<string, ArgumentConstraint>>;

/** Limits of one layer. */
export interface CompiledLimits {
  readonly maxCalls: number | undefined;
  readonly maxCallsPerTool: ReadonlyMap<string, number>;
  readonly spend: { readonly max: number; readonly tools: ReadonlyMap<string, string> } | undefined;
}

/** One policy layer, compiled. A composed policy allows a call only if every layer allows it. */
export interface CompiledLayer {
  readonly policy: Policy;
  readonly rules: ReadonlySet<BuiltinRuleId>;
  /** This layer's own `operations` mapping (allow-side targets use it, so other layers cannot widen it). */
  readonly operations: ReadonlyMap<Label, readonly Label[]>;
  readonly labelRules: readonly CompiledLabelRule[];
  /** @internal `labelRules` indexed by the labels they match, for evaluation. */
  readonly labelRuleIndex: LabelRuleIndex;
  readonly capabilities: CompiledCapabilities;
  readonly authorizations: CompiledAuthorizations | undefined;
  readonly limits: CompiledLimits | undefined;
  readonly urlAllowed: ((url: string) => boolean) | undefined;
  readonly requireApproval: readonly Label[];
}

/** Tool metadata merged over every layer (labels and control arguments are unions). */
export interface CompiledToolMetadata {
  /** True when some layer declares the tool's operation `labels` (`[]` included): only that relaxes the strict default. */
  readonly describesOperation: boolean;
  readonly labels: readonly Label[];
  readonly controlArgs: readonly string[];
  readonly outputLabels: readonly Label[];
  readonly untrustedPaths: readonly string[];
  readonly secretPaths: readonly string[];
  readonly auth: readonly string[];
}

/**
 * A policy compiled for evaluation: validated once, immutable, shared by every call. Composed policies keep
 * their layers; the fields here that are not per-layer are already the strictest combination.
 */
export interface CompiledPolicy {
  readonly kind: 'labelflow.compiled-policy';
  readonly layers: readonly CompiledLayer[];
  /** Union of every layer's `operations` plus the built-in mapping (deny-side targets use it). */
  readonly operations: ReadonlyMap<Label, readonly Label[]>;
  /** Union of every layer's rules. */
  readonly rules: ReadonlySet<BuiltinRuleId>;
  readonly tools: ReadonlyMap<string, CompiledToolMetadata>;
  /** `untrusted` unless every layer says `trusted`. */
  readonly unlabeled: 'trusted' | 'untrusted';
  /** The strictest mode of any layer. */
  readonly trustConflict: TrustConflictMode;
  /** True when any layer is locked: no managed denial can be lifted. */
  readonly locked: boolean;
  readonly auth: ReadonlyMap<string, { readonly from: string; readonly as: string | undefined }>;
  readonly autosign: readonly string[];
  readonly autoverify: boolean;
  /** Minimum string length per kind below which values never ground (the largest of any layer). */
  readonly groundingMinLength: Readonly<Record<string, number>>;
}

/** True when `value` is a compiled policy. */
export function isCompiledPolicy(value: unknown): value is CompiledPolicy {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as { kind?: unknown }).kind === 'labelflow.compiled-policy'
  );
}
