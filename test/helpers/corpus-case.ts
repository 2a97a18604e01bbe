import { z } from 'zod';

/**
 * The format of the Cedar-style policy corpus in `test/corpus/*.json`. Each file is `{ "cases": [...] }`; each
 * case is discriminated by `kind`. Every JSON file is validated with these schemas before a test reads it.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Any JSON value (what `JSON.parse` can return). */
export const jsonValue: z.ZodType<Json> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

/** A JSON object: one policy document (validated by the library itself when the case runs). */
const policyObject = z.record(z.string(), jsonValue);

const name = z.string().min(1);
const labels = z.array(z.string());
const path = z.array(z.union([z.string(), z.number()]));

const decisionType = z.enum(['allow', 'deny', 'require-approval']);
const decisionCode = z.enum([
  'allowed',
  'capability-denied',
  'not-authorized',
  'policy-denied',
  'limit-exceeded',
  'approval-required',
  'malformed-request',
  'internal-error',
]);

/**
 * What a decision must look like. `ruleIds`, `args` and `labels` are exact sets (order-insensitive); any field
 * left out is not checked.
 */
export const expectedDecision = z.strictObject({
  type: decisionType,
  code: decisionCode.optional(),
  ruleIds: z.array(z.string()).optional(),
  args: z.array(z.string()).optional(),
  labels: labels.optional(),
  overridable: z.boolean().optional(),
});

/**
 * A well-formed `ToolCallRequest`, strictly (unknown keys are refused, so a misspelt `controlArg` cannot
 * silently make a case pass for the wrong reason). Cases that expect `malformed-request` skip this check.
 */
export const wellFormedRequest = z.strictObject({
  tool: z.string().min(1),
  labels: labels.optional(),
  controlArgs: z.array(z.string()).optional(),
  args: z.record(
    z.string(),
    z.strictObject({
      value: jsonValue.optional(),
      labels,
      taint: labels.optional(),
      sources: z.array(z.string()).optional(),
      urls: z.array(z.strictObject({ url: z.string(), labels })).optional(),
    }),
  ),
  context: z.strictObject({ labels: labels.optional(), taint: labels.optional(), sources: z.array(z.string()).optional() }).optional(),
  operation: z
    .strictObject({
      commands: z.array(z.array(z.string())).optional(),
      paths: z.array(z.strictObject({ mode: z.enum(['r', 'w']), path: z.string() })).optional(),
      hosts: z.array(z.string()).optional(),
    })
    .optional(),
  run: z
    .strictObject({
      calls: z.number().min(0),
      callsByTool: z.record(z.string(), z.number().min(0)).optional(),
      spent: z.number().min(0).optional(),
    })
    .optional(),
});

function refineRequest(request: unknown, at: readonly (string | number)[], ctx: z.RefinementCtx): void {
  const parsed = wellFormedRequest.safeParse(request);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    const where = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
    ctx.addIssue({ code: 'custom', message: `request is not well-formed: ${issue.message}`, path: [...at, ...where] });
  }
}

const evaluateCase = z
  .strictObject({
    kind: z.literal('evaluate'),
    name,
    description: z.string().optional(),
    policy: policyObject.optional(),
    policies: z.array(policyObject).min(1).optional(),
    /** Any JSON: `evaluate` validates requests itself, and `malformed-requests.json` relies on that. */
    request: jsonValue,
    expect: expectedDecision,
  })
  .superRefine((value, ctx) => {
    if ((value.policy === undefined) === (value.policies === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'an evaluate case needs exactly one of `policy` or `policies`', path: ['policy'] });
    }
    if (value.expect.code !== 'malformed-request') refineRequest(value.request, ['request'], ctx);
  });

const parseCase = z.strictObject({
  kind: z.literal('parse'),
  name,
  description: z.string().optional(),
  /** Any JSON, or a string that `safeParsePolicy` reads as policy text. */
  policy: jsonValue,
  expect: z.strictObject({
    valid: z.boolean(),
    /** Every listed path must be reported; when given, the number of issues must match too. */
    issues: z.array(z.strictObject({ path, code: z.string().optional() })).optional(),
  }),
});

const attenuateCase = z.strictObject({
  kind: z.literal('attenuate'),
  name,
  description: z.string().optional(),
  parent: z.union([policyObject, z.array(policyObject).min(1)]),
  child: policyObject,
  expect: z.strictObject({
    widening: z.boolean(),
    /** The exact set of paths a `PolicyWideningError` must list. */
    paths: z.array(path).optional(),
  }),
  request: jsonValue.optional(),
  expectDecision: expectedDecision.optional(),
}).superRefine((value, ctx) => {
  if ((value.request === undefined) !== (value.expectDecision === undefined)) {
    ctx.addIssue({ code: 'custom', message: '`request` and `expectDecision` go together', path: ['request'] });
  }
  if (value.request !== undefined && value.expect.widening) {
    ctx.addIssue({ code: 'custom', message: 'a widening child has no result to evaluate a request against', path: ['request'] });
  }
  if (value.request !== undefined && value.expectDecision?.code !== 'malformed-request') refineRequest(value.request, ['request'], ctx);
});

const descriptorParts = z.strictObject({ labels, taint: labels.optional(), sources: z.array(z.string()).optional() });

const relabelCase = z
  .strictObject({
    kind: z.literal('relabel'),
    name,
    description: z.string().optional(),
    descriptor: descriptorParts,
    op: z.enum(['add', 'remove', 'bless']),
    labels: labels.optional(),
    privileged: z.boolean().optional(),
    trustconflict: z.enum(['untrusted-wins', 'warn', 'error']).optional(),
    expect: z.strictObject({
      type: z.enum(['changed', 'refused']),
      /** Exact set of the resulting labels / taint. */
      labels: labels.optional(),
      taint: labels.optional(),
      code: z.enum(['PROTECTED_LABEL_REMOVAL', 'LABEL_PRIVILEGE_REQUIRED', 'TRUST_CONFLICT']).optional(),
      conflict: z.boolean().optional(),
      warning: z.boolean().optional(),
    }),
  })
  .superRefine((value, ctx) => {
    if (value.op !== 'bless' && value.labels === undefined) {
      ctx.addIssue({ code: 'custom', message: '`add` and `remove` need `labels`', path: ['labels'] });
    }
  });

const influencedCase = z.strictObject({
  kind: z.literal('influenced'),
  name,
  description: z.string().optional(),
  policy: policyObject,
  context: z.strictObject({ labels, taint: labels.optional() }),
  expect: z.strictObject({
    influenced: z.boolean(),
    /** Exact set of the labels `labelModelOutput` gives the model's output. */
    labels: labels.optional(),
  }),
});

export const corpusCase = z.discriminatedUnion('kind', [evaluateCase, parseCase, attenuateCase, relabelCase, influencedCase]);
export const corpusFile = z.strictObject({ cases: z.array(corpusCase).min(1) });

export type CorpusCase = z.infer<typeof corpusCase>;
export type EvaluateCase = z.infer<typeof evaluateCase>;
export type ParseCase = z.infer<typeof parseCase>;
export type AttenuateCase = z.infer<typeof attenuateCase>;
export type RelabelCase = z.infer<typeof relabelCase>;
export type InfluencedCase = z.infer<typeof influencedCase>;
export type ExpectedDecision = z.infer<typeof expectedDecision>;
