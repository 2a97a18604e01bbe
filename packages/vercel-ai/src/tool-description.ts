import { InvalidPolicyError, isWellFormedLabel, safeParsePolicy, type Label, type ToolMetadata } from '@labelflow/core';

/** What labelflow knows about one tool before any call: metadata from every place a user can put it. */
export interface ToolDescription {
  readonly name: string;
  /** Metadata beside the tools (`labelflow({ tools })`) joined with `tool({ metadata: { labelflow } })`. */
  readonly declared: ToolMetadata | undefined;
  /** Output labels a dynamic or MCP tool gets by default: `untrusted`, and `src:mcp:<server>:<tool>` for MCP. */
  readonly defaults: readonly Label[];
}

type Loose = Readonly<Record<string, unknown>>;

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Loose)[key] : undefined;
}

function union<T>(...lists: (readonly T[] | undefined)[]): T[] | undefined {
  const all = lists.flatMap((list) => list ?? []);
  return lists.every((list) => list === undefined) ? undefined : [...new Set(all)];
}

/** Joins two descriptions of a tool: every list is a union, so neither can relax the other. */
export function joinMetadata(a: ToolMetadata | undefined, b: ToolMetadata | undefined): ToolMetadata | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const labels = union(a.labels, b.labels);
  const controlArgs = union(a.controlArgs, b.controlArgs);
  const auth = union(a.auth, b.auth);
  const output = a.output === undefined && b.output === undefined ? undefined : {
    ...(union(a.output?.labels, b.output?.labels) === undefined ? {} : { labels: union(a.output?.labels, b.output?.labels) }),
    ...(union(a.output?.untrustedPaths, b.output?.untrustedPaths) === undefined ? {} : { untrustedPaths: union(a.output?.untrustedPaths, b.output?.untrustedPaths) }),
    ...(union(a.output?.secretPaths, b.output?.secretPaths) === undefined ? {} : { secretPaths: union(a.output?.secretPaths, b.output?.secretPaths) }),
  };
  return { ...(labels === undefined ? {} : { labels }), ...(controlArgs === undefined ? {} : { controlArgs }), ...(auth === undefined ? {} : { auth }), ...(output === undefined ? {} : { output }) };
}

/**
 * Validates tool metadata with the policy schema's `tools` section. Throws `InvalidPolicyError` listing every
 * issue, so a misspelt key fails when the tools are wrapped, never silently at run time.
 */
export function parseToolMetadata(tools: Readonly<Record<string, unknown>>, source: string): Readonly<Record<string, ToolMetadata>> {
  const result = safeParsePolicy({ tools });
  if (!result.success) throw new InvalidPolicyError({ issues: result.issues, source });
  return result.policy.tools ?? {};
}

function segment(text: unknown): string {
  const clean = typeof text === 'string' ? text.replace(/[^A-Za-z0-9_.-]+/gu, '-') : '';
  return clean.length === 0 ? 'unknown' : clean;
}

/**
 * The provenance label of a tool from `@ai-sdk/mcp` (a dynamic tool whose metadata names its client and tool):
 * `src:mcp:<server>:<tool>`, where the server is the MCP client's name (`createMCPClient({ name })`).
 */
export function mcpSource(tool: unknown): Label | undefined {
  const metadata = field(tool, 'metadata');
  const client = field(metadata, 'clientName');
  const name = field(metadata, 'toolName');
  if (field(tool, 'type') !== 'dynamic' || typeof client !== 'string' || typeof name !== 'string') return undefined;
  const label = `src:mcp:${segment(client)}:${segment(name)}`;
  return isWellFormedLabel(label) ? label : 'src:mcp:unknown';
}

/** Reads and validates everything labelflow knows about a tool before it is called. */
export function describeTool(name: string, tool: unknown, beside: ToolMetadata | undefined): ToolDescription {
  const inside = field(field(tool, 'metadata'), 'labelflow');
  const parsed = inside === undefined ? undefined : parseToolMetadata({ [name]: inside }, `tool \`${name}\` metadata.labelflow`)[name];
  const source = mcpSource(tool);
  const dynamic = field(tool, 'type') === 'dynamic';
  return { name, declared: joinMetadata(beside, parsed), defaults: dynamic ? ['untrusted', ...(source === undefined ? [] : [source])] : [] };
}

/**
 * The metadata to send with a call: what was declared, plus a dynamic or MCP tool's default output labels. A
 * tool with no declared operation `labels` stays undescribed for the engine (consequential) either way; output
 * labels never relax it.
 */
export function callMetadata(description: ToolDescription): ToolMetadata | undefined {
  const { declared, defaults } = description;
  if (defaults.length === 0) return declared;
  const outputLabels = declared?.output?.labels ?? [];
  const declaresTrust = outputLabels.includes('trusted') || outputLabels.includes('untrusted');
  const namesSource = outputLabels.some((label) => label.startsWith('src:'));
  const extra = defaults.filter((label) => (label === 'untrusted' ? !declaresTrust : !namesSource));
  return extra.length === 0 ? declared : joinMetadata(declared, { output: { labels: extra } });
}
