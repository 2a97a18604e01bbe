import { z } from 'zod';
import { parseCapabilityPattern, parseHostPattern, parseUrlAllowPattern } from '../capabilities/index.js';
import { isWellFormedLabel } from '../labels/label.js';
import { BUILTIN_RULE_IDS } from './builtin-rules.js';

type PatternCheck = (text: string) => { type: 'ok' } | { type: 'error'; message: string };

const label = z
  .string()
  .refine(isWellFormedLabel, { message: 'expected a label: non-empty segments separated by `:`, without spaces' });

const name = z.string().min(1, { message: 'expected a non-empty name' });

function patternList(check: PatternCheck) {
  return z.array(z.string()).superRefine((patterns, ctx) => {
    patterns.forEach((pattern, index) => {
      const result = check(pattern);
      if (result.type === 'error') ctx.addIssue({ code: 'custom', message: result.message, path: [index], input: pattern });
    });
  });
}

const capabilityPatterns = patternList(parseCapabilityPattern);
const hostPatterns = patternList(parseHostPattern);

const literal = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const pinnedValue = z.union([literal, z.array(literal)]);

const argumentConstraint = z.union([
  pinnedValue,
  z
    .strictObject({ eq: pinnedValue.optional(), oneOf: z.array(literal).optional() })
    .superRefine((constraint, ctx) => {
      const count = Number(constraint.eq !== undefined) + Number(constraint.oneOf !== undefined);
      if (count !== 1) ctx.addIssue({ code: 'custom', message: 'expected exactly one of `eq` or `oneOf`', input: constraint });
    }),
]);

/** The `defaults` section: stance, built-in rules, trust conflicts, signing. */
export const defaultsSchema = z.strictObject({
  unlabeled: z.enum(['trusted', 'untrusted']).optional(),
  rules: z.array(z.enum(BUILTIN_RULE_IDS)).optional(),
  trustconflict: z.enum(['untrusted-wins', 'warn', 'error']).optional(),
  autosign: z.array(name).optional(),
  autoverify: z.boolean().optional(),
  grounding: z
    .strictObject({
      minLength: z
        .strictObject({
          text: z.int().min(0).optional(),
          email: z.int().min(0).optional(),
          url: z.int().min(0).optional(),
          number: z.int().min(0).optional(),
          iban: z.int().min(0).optional(),
          phone: z.int().min(0).optional(),
        })
        .optional(),
    })
    .optional(),
});

/** Metadata for one tool: its operation labels, control arguments, output labels and credentials. */
export const toolMetadataSchema = z.strictObject({
  description: z.string().optional(),
  labels: z.array(label).optional(),
  controlArgs: z.array(name).optional(),
  output: z
    .strictObject({
      labels: z.array(label).optional(),
      untrustedPaths: z.array(name).optional(),
      secretPaths: z.array(name).optional(),
    })
    .optional(),
  auth: z.array(name).optional(),
});

/** The whole policy document. */
export const policySchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  defaults: defaultsSchema.optional(),
  operations: z.record(label, z.array(label)).optional(),
  labels: z
    .record(label, z.strictObject({ deny: z.array(label).optional(), allow: z.array(label).optional() }))
    .optional(),
  capabilities: z
    .strictObject({
      allow: capabilityPatterns.optional(),
      deny: capabilityPatterns.optional(),
      danger: capabilityPatterns.optional(),
      network: z.strictObject({ allow: hostPatterns.optional(), deny: hostPatterns.optional() }).optional(),
      fs: z
        .strictObject({
          read: patternList((glob) => parseCapabilityPattern(`fs:r:${glob}`)).optional(),
          write: patternList((glob) => parseCapabilityPattern(`fs:w:${glob}`)).optional(),
        })
        .optional(),
    })
    .optional(),
  urls: z.strictObject({ allow: patternList(parseUrlAllowPattern).optional() }).optional(),
  tools: z.record(name, toolMetadataSchema).optional(),
  auth: z
    .record(
      name,
      z.union([
        z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/u, { message: 'expected an environment variable name' }),
        z.strictObject({
          from: z.string().regex(/^[a-z][a-z0-9-]*:.+$/u, {
            message: 'expected `<provider>:<reference>`, e.g. `env:GITHUB_TOKEN` or `file:/run/secrets/token`',
          }),
          as: z.string().optional(),
        }),
      ]),
    )
    .optional(),
  authorizations: z
    .strictObject({
      allow: z.record(name, z.union([z.literal(true), z.strictObject({ args: z.record(name, argumentConstraint) })])),
    })
    .optional(),
  limits: z
    .strictObject({
      maxCalls: z.int().min(0).optional(),
      maxCallsPerTool: z.record(name, z.int().min(0)).optional(),
      spend: z
        .strictObject({ max: z.number().min(0), tools: z.record(name, name) })
        .optional(),
    })
    .optional(),
  requireApproval: z.array(label).optional(),
  locked: z.boolean().optional(),
});

/** A policy document as written by a user (every section optional). */
export type Policy = z.input<typeof policySchema>;
/** Metadata for one tool. */
export type ToolMetadata = z.input<typeof toolMetadataSchema>;
/** A pinned-argument constraint in `authorizations.allow.<tool>.args`. */
export type ArgumentConstraint = z.infer<typeof argumentConstraint>;

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Checks the shape alone cannot express, each a mistake that would silently weaken a policy. They read the raw
 * input defensively, so they run (and report) even when other parts of the policy have the wrong shape.
 */
export function semanticPolicyIssues(input: unknown): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const policy = record(input);
  const tools = record(policy?.['tools']);
  const allow = record(record(policy?.['authorizations'])?.['allow']);
  for (const tool of Object.keys(allow ?? {})) {
    const controlArgs = strings(record(tools !== undefined && Object.hasOwn(tools, tool) ? tools[tool] : undefined)?.['controlArgs']);
    if (allow?.[tool] === true && controlArgs.length > 0) {
      issues.push({
        path: ['authorizations', 'allow', tool],
        message: `tool \`${tool}\` has control arguments (${controlArgs.map((arg) => `\`${arg}\``).join(', ')}), so \`true\` would authorize any value: pin them under \`args\``,
      });
    }
  }
  for (const tool of Object.keys(tools ?? {})) {
    const outputLabels = strings(record(record(tools?.[tool])?.['output'])?.['labels']);
    if (outputLabels.includes('trusted') && outputLabels.includes('untrusted')) {
      issues.push({
        path: ['tools', tool, 'output', 'labels'],
        message: 'output cannot be both `trusted` and `untrusted`: use `untrustedPaths` for the untrusted fields',
      });
    }
  }
  return issues;
}
