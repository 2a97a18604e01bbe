import type { z } from 'zod';
import { InvalidPolicyError, type PolicyIssue } from '../errors/invalid-policy-error.js';
import { policySchema, semanticPolicyIssues, type Policy } from './policy-schema.js';

/** The result of `safeParsePolicy`: the policy, or every issue found in it. */
export type PolicyParseResult =
  | { readonly success: true; readonly policy: Policy }
  | { readonly success: false; readonly issues: readonly PolicyIssue[] };

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function toIssue(issue: z.core.$ZodIssue, input: unknown): PolicyIssue {
  const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
  return Object.freeze({ path: Object.freeze(path), code: issue.code, message: describe(issue, input) });
}

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `\`${key}\``).join(', ')}: check the spelling against the policy reference`;
  }
  if (issue.code === 'invalid_value' && issue.path.at(-2) === 'rules') {
    return `unknown rule \`${String(valueAt(input, issue.path))}\`: expected one of ${issue.values.map((value) => `\`${String(value)}\``).join(', ')}`;
  }
  return issue.message;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * Validates a policy without throwing. `input` is a policy object or its JSON text. Every issue is returned,
 * each with its path.
 *
 * @example
 * ```ts
 * const result = safeParsePolicy({ defaults: { rules: ['no-secret-exfill'] } });
 * if (!result.success) console.log(result.issues); // [{ path: ['defaults', 'rules', 0], code: 'invalid_value', ... }]
 * ```
 */
export function safeParsePolicy(input: unknown): PolicyParseResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { success: false, issues: [{ path: [], code: 'invalid-json', message: `policy text is not valid JSON: ${reason}` }] };
    }
  }
  const parsed = policySchema.safeParse(value);
  const issues = parsed.success ? [] : parsed.error.issues.map((issue) => toIssue(issue, value));
  for (const semantic of semanticPolicyIssues(value)) issues.push(Object.freeze({ path: Object.freeze(semantic.path), code: 'custom', message: semantic.message }));
  if (!parsed.success || issues.length > 0) return { success: false, issues: Object.freeze(issues) };
  return { success: true, policy: deepFreeze(parsed.data) };
}

/**
 * Validates a policy and returns it frozen, or throws one `InvalidPolicyError` listing every issue with its
 * path.
 *
 * @example
 * ```ts
 * const policy = parsePolicy({ defaults: { rules: ['no-secret-exfil'] }, operations: { exfil: ['net:w'] } });
 * ```
 */
export function parsePolicy(input: unknown, { source }: { source?: string } = {}): Policy {
  const result = safeParsePolicy(input);
  if (!result.success) throw new InvalidPolicyError({ issues: result.issues, ...(source === undefined ? {} : { source }) });
  return result.policy;
}
