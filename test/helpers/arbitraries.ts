import fc from 'fast-check';
import { BUILTIN_RULE_IDS, safeParsePolicy, type Policy, type ToolCallRequest } from '@labelflow/core';

/**
 * fast-check arbitraries over a realistic slice of the policy and request space: a handful of tools with
 * operation labels and control arguments, the labels the built-in rules read, and patterns of every
 * capability kind. Small vocabularies make collisions (a rule that actually fires) likely.
 */

export const TOOL_NAMES = ['send_email', 'delete_file', 'run_shell', 'upload', 'read_inbox', 'mystery_tool', 'set_role', 'fetch_page'] as const;
export const ARG_NAMES = ['to', 'body', 'path', 'command', 'url', 'amount'] as const;

export const TOOL_LABELS = [
  'exfil',
  'exfil:send',
  'exfil:fetch',
  'destructive',
  'destructive:targeted',
  'destructive:untargeted',
  'privileged',
  'op:cmd',
  'op:sh:bash',
  'net:w',
  'net:w:slack',
  'net:r',
  'msg:send',
  'fs:w',
  'tool:w',
  'notes:w',
] as const;

/** Labels values carry. Positive attestations are `known`, `known:*` and `trusted`. */
export const DATA_LABELS = [
  'secret',
  'sensitive',
  'sensitive:medical',
  'pii',
  'untrusted',
  'influenced',
  'llm',
  'trusted',
  'known',
  'known:internal',
  'src:web',
  'src:user',
  'src:tool:read_inbox',
  'src:mcp:github:get_issue',
  'dir:/work/app/vendor',
] as const;

/** Positive attestations as the docs define them: `known`, `known:*`, `trusted`. */
export function isPositiveAttestation(label: string): boolean {
  return label === 'trusted' || label === 'known' || label.startsWith('known:');
}

export const NON_POSITIVE_LABELS = DATA_LABELS.filter((label) => !isPositiveAttestation(label));

const CATEGORIES = ['exfil', 'exfil:send', 'exfil:fetch', 'destructive', 'destructive:targeted', 'privileged', 'exec', 'chat:team'] as const;
const RULE_TARGETS = [...CATEGORIES, 'op:tool:send_email', 'op:tool:upload', 'op:cmd', 'net:w', 'msg:send', '*'] as const;
const RULE_KEYS = ['secret', 'pii', 'untrusted', 'influenced', 'sensitive', 'src', 'src:web', 'src:mcp', 'known', '*'] as const;
const ALLOW_PATTERNS = [
  'tool:*',
  'tool:send_*',
  'tool:read_*',
  'tool:send_email',
  'tool:delete_file',
  'cmd:git:*',
  'cmd:git:status',
  'cmd:echo',
  'cmd:*',
  'fs:r:./**',
  'fs:w:./tmp/**',
  'fs:r:~/**',
] as const;
const DENY_PATTERNS = ['tool:upload', 'tool:send_*', 'cmd:git:push', 'cmd:curl', 'fs:r:./secrets/**'] as const;
const DANGER_PATTERNS = ['cmd:sudo', 'cmd:git:push:*:--force', 'fs:r:~/.ssh/**', 'fs:w:~/.ssh/**', 'cmd:rm'] as const;
const HOST_ALLOW = ['api.github.com', '*.example.com', '*'] as const;
const HOST_DENY = ['evil.com', '*.evil.com'] as const;
const URL_ALLOW = ['docs.corp.io', '*.corp.io', 'https://a.io/pub/'] as const;
const URLS = ['https://vend0r.net/x', 'https://docs.corp.io/a', 'https://a.io/pub/x', 'https://evil.com/p?d=1', 'https://api.github.com/repos'] as const;

export const VALUES: readonly unknown[] = [
  'rita@corp.io',
  'audit@vend0r.net',
  null,
  [],
  'null',
  '',
  'see https://vend0r.net/x',
  'https://docs.corp.io/a',
  'https://a.io/pub/x',
  'ls -la',
  40,
  '40',
  'forty',
  { body: 'nested https://evil.com/p' },
  ['alice@example.com', 'bob@example.com'],
];

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });

/** Drops `undefined` properties, so generated objects satisfy `exactOptionalPropertyTypes` and strict schemas. */
function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

const labelsOf = <T extends string>(pool: readonly T[], maxLength = 3): fc.Arbitrary<T[]> => fc.subarray([...pool], { maxLength });

/** A shared `tools` section: tool descriptions are configuration that every layer sees the same way. */
export const toolsSectionArb: fc.Arbitrary<NonNullable<Policy['tools']>> = fc
  .dictionary(
    fc.constantFrom(...TOOL_NAMES),
    fc.record({ labels: optional(labelsOf(TOOL_LABELS, 2)), controlArgs: optional(fc.subarray([...ARG_NAMES], { minLength: 1, maxLength: 2 })) }).map(compact),
    { maxKeys: 4 },
  );

const argumentConstraintArb = fc.oneof(
  fc.constantFrom<unknown>('rita@corp.io', 40, ['alice@example.com', 'bob@example.com'], null),
  fc.constantFrom<unknown>({ eq: 'rita@corp.io' }, { oneOf: [40, 50] }),
);

/** The parts of one policy layer that grant or restrict (no `tools`: see `toolsSectionArb`). */
export const layerArb: fc.Arbitrary<Policy> = fc
  .record({
    defaults: optional(
      fc.record({ rules: optional(fc.subarray([...BUILTIN_RULE_IDS])), unlabeled: optional(fc.constantFrom('trusted' as const, 'untrusted' as const)) }).map(compact),
    ),
    operations: optional(fc.dictionary(fc.constantFrom(...CATEGORIES), labelsOf(TOOL_LABELS, 2), { maxKeys: 3 })),
    labels: optional(
      fc.dictionary(
        fc.constantFrom(...RULE_KEYS),
        fc.record({ deny: optional(labelsOf(RULE_TARGETS, 2)), allow: optional(labelsOf(RULE_TARGETS, 2)) }).map(compact),
        { maxKeys: 3 },
      ),
    ),
    capabilities: optional(
      fc
        .record({
          allow: optional(labelsOf(ALLOW_PATTERNS, 3)),
          deny: optional(labelsOf(DENY_PATTERNS, 2)),
          danger: optional(labelsOf(DANGER_PATTERNS, 2)),
          network: optional(fc.record({ allow: optional(labelsOf(HOST_ALLOW, 2)), deny: optional(labelsOf(HOST_DENY, 1)) }).map(compact)),
        })
        .map(compact),
    ),
    urls: optional(fc.record({ allow: labelsOf(URL_ALLOW, 2) })),
    authorizations: optional(
      fc.record({
        allow: fc.dictionary(
          fc.constantFrom(...TOOL_NAMES),
          fc.oneof(fc.constant(true as const), fc.record({ args: fc.dictionary(fc.constantFrom(...ARG_NAMES), argumentConstraintArb, { maxKeys: 2 }) })),
          { maxKeys: 3 },
        ),
      }),
    ),
    limits: optional(
      fc
        .record({
          maxCalls: optional(fc.integer({ min: 0, max: 6 })),
          maxCallsPerTool: optional(fc.dictionary(fc.constantFrom(...TOOL_NAMES), fc.integer({ min: 0, max: 3 }), { maxKeys: 2 })),
          spend: optional(fc.record({ max: fc.integer({ min: 0, max: 100 }), tools: fc.constant({ send_email: 'amount', upload: 'amount' }) })),
        })
        .map(compact),
    ),
    requireApproval: optional(labelsOf(['destructive', 'exfil:send', 'op:tool:upload', 'exec'] as const, 2)),
    locked: optional(fc.boolean()),
  })
  .map((layer) => compact(layer) as Policy);

/** Adds a `tools` section to a layer. The result may not parse (`true` authorizing a tool with control arguments): filter with `isValidPolicy`. */
export function withTools(layer: Policy, tools: NonNullable<Policy['tools']>): Policy {
  return Object.keys(tools).length === 0 ? layer : { ...layer, tools };
}

/** True when `safeParsePolicy` accepts the policy. */
export function isValidPolicy(policy: unknown): boolean {
  return safeParsePolicy(policy).success;
}

const urlInputArb = fc.record({ url: fc.constantFrom(...URLS), labels: labelsOf(DATA_LABELS, 3) });

const argumentArb = fc
  .record({
    value: fc.constantFrom(...VALUES),
    labels: labelsOf(DATA_LABELS, 4),
    taint: optional(labelsOf(DATA_LABELS, 3)),
    urls: optional(fc.array(urlInputArb, { maxLength: 2 })),
  })
  .map(compact);

const operationArb = fc
  .record({
    commands: optional(
      fc.subarray([['git', 'status'], ['git', 'push', 'origin', '--force'], ['sudo', 'ls'], ['echo', 'hi'], ['rm', '-rf', 'x'], ['curl', 'x']], { minLength: 1, maxLength: 2 }),
    ),
    paths: optional(
      fc.subarray(
        [
          { mode: 'r' as const, path: '/work/app/src/a.ts' },
          { mode: 'w' as const, path: '/home/u/.ssh/id_rsa' },
          { mode: 'r' as const, path: '/work/app/.env' },
          { mode: 'w' as const, path: '/work/app/tmp/x' },
          { mode: 'r' as const, path: '/work/app/secrets/k' },
        ],
        { minLength: 1, maxLength: 2 },
      ),
    ),
    hosts: optional(fc.subarray(['api.github.com', 'evil.com', 'a.example.com'], { minLength: 1, maxLength: 2 })),
  })
  .map(compact);

const runArb = fc
  .record({
    calls: fc.integer({ min: 0, max: 6 }),
    callsByTool: optional(fc.dictionary(fc.constantFrom(...TOOL_NAMES), fc.integer({ min: 0, max: 3 }), { maxKeys: 2 })),
    spent: optional(fc.integer({ min: 0, max: 120 })),
  })
  .map(compact);

/** A well-formed request over the same vocabulary. */
export const requestArb: fc.Arbitrary<ToolCallRequest> = fc
  .record({
    tool: fc.constantFrom(...TOOL_NAMES),
    labels: optional(labelsOf(TOOL_LABELS, 2)),
    controlArgs: optional(fc.subarray([...ARG_NAMES], { maxLength: 2 })),
    args: fc.dictionary(fc.constantFrom(...ARG_NAMES), argumentArb, { maxKeys: 3 }),
    context: optional(fc.record({ labels: labelsOf(DATA_LABELS, 4), taint: optional(labelsOf(DATA_LABELS, 2)) }).map(compact)),
    operation: optional(operationArb),
    run: optional(runArb),
  })
  .map((request) => compact(request) as ToolCallRequest);

/** Where to add a label: an argument's labels or taint, or the context's labels or taint. */
export type LabelTarget = { readonly kind: 'arg'; readonly index: number; readonly part: 'labels' | 'taint' } | { readonly kind: 'context'; readonly part: 'labels' | 'taint' };

export const labelTargetArb: fc.Arbitrary<LabelTarget> = fc.oneof(
  fc.record({ kind: fc.constant('arg' as const), index: fc.nat(), part: fc.constantFrom('labels' as const, 'taint' as const) }),
  fc.record({ kind: fc.constant('context' as const), part: fc.constantFrom('labels' as const, 'taint' as const) }),
);

/** A copy of `request` with `label` added where `target` says (an argument picked by index modulo their count). */
export function addLabel(request: ToolCallRequest, target: LabelTarget, label: string): ToolCallRequest {
  const names = Object.keys(request.args);
  if (target.kind === 'context' || names.length === 0) {
    const context = request.context ?? {};
    return { ...request, context: { ...context, [target.part]: [...(context[target.part] ?? []), label] } };
  }
  const name = names[target.index % names.length] as string;
  const argument = request.args[name];
  if (argument === undefined) return request;
  return { ...request, args: { ...request.args, [name]: { ...argument, [target.part]: [...(argument[target.part] ?? []), label] } } };
}
