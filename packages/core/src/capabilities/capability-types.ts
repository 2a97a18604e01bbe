import type { CompiledRules } from './compile-matcher.js';

/**
 * A policy's `capabilities` section, as the policy schema hands it over. Pattern forms: `tool:<glob>`,
 * `cmd`, `cmd:*`, `cmd:<tok>[:<tok>…]`, `fs:r:<glob>`, `fs:w:<glob>` and `fs:rw:<glob>`. Optional fields also
 * accept `undefined`, because that is what a zod schema's inferred output type has under
 * `exactOptionalPropertyTypes`.
 */
export interface CapabilitiesConfig {
  /** Allow patterns; a dimension (tool, cmd, fs read, fs write) with at least one pattern becomes an allow-list. */
  readonly allow?: readonly string[] | undefined;
  /** Deny patterns; a deny beats an allow unless the allow is strictly more specific. */
  readonly deny?: readonly string[] | undefined;
  /** Opt-ins that open entries of the built-in danger list (`cmd:git:push:*:--force`, `fs:r:~/.ssh/**`). */
  readonly danger?: readonly string[] | undefined;
  /** Host globs: `api.github.com`, `*.example.com` or `*`. */
  readonly network?: { readonly allow?: readonly string[] | undefined; readonly deny?: readonly string[] | undefined } | undefined;
  /** Shorthand for `fs:r:<glob>` and `fs:w:<glob>` allow patterns. */
  readonly fs?: { readonly read?: readonly string[] | undefined; readonly write?: readonly string[] | undefined } | undefined;
}

/** What one tool call touches, as seen by capability checks. */
export interface CapabilityOperation {
  readonly tool: string;
  /** Each binary invocation (every command of a pipeline) as its words, e.g. `[['git', 'push'], ['sh']]`. */
  readonly commands?: readonly (readonly string[])[];
  /** Absolute, already normalised paths. */
  readonly paths?: readonly { readonly mode: 'r' | 'w'; readonly path: string }[];
  /** Network hosts the call reaches. */
  readonly hosts?: readonly string[];
}

/** Why a capability check refused an operation: the first subject that failed, and the pattern that decided it. */
export type CapabilityViolation = {
  readonly ruleId: 'capabilities.deny' | 'capabilities.allow' | 'capabilities.danger' | 'network.deny' | 'network.allow';
  /** What was refused, e.g. `tool:send_email`, `cmd:git push --force`, `fs:r:/home/u/.ssh/id_rsa`, `host:evil.com`. */
  readonly subject: string;
  /** The pattern that matched (deny and danger), if any. */
  readonly pattern?: string;
  /** Stable per `ruleId`. */
  readonly reason: string;
};

/**
 * Capabilities compiled once by `compileCapabilities` and read only by `checkCapabilities`. Treat it as opaque:
 * its fields are an implementation detail and may change in any release.
 */
export interface CompiledCapabilities {
  /** @internal */
  readonly rules: CompiledRules;
}
