import { InvalidPolicyError, safeParsePolicy, type PolicyIssue, type ToolMetadata } from '@labelflow/core';
import { MCP_METADATA_KEY, mcpSourceSchema, type McpSource } from './mcp-source.js';

/** What a LangChain tool object says about itself to labelflow. */
export interface ToolDescription {
  /** `metadata.labelflow`, validated: the tool's operation and output labels. */
  readonly metadata?: ToolMetadata;
  /** `metadata.labelflowMcp`, set by `labelMcpTools`. */
  readonly mcp?: McpSource;
}

/** The metadata key a tool's labelflow description lives under. */
export const METADATA_KEY = 'labelflow';

const DESCRIPTIONS = new WeakMap<object, ToolDescription>();

function own(record: unknown, key: string): unknown {
  return record !== null && typeof record === 'object' && Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

function invalid(tool: string, issues: readonly PolicyIssue[]): InvalidPolicyError {
  return new InvalidPolicyError({ issues, source: `metadata of tool \`${tool}\`` });
}

function read(name: string, metadata: object): ToolDescription {
  const labelflow = own(metadata, METADATA_KEY);
  const mcp = own(metadata, MCP_METADATA_KEY);
  let description: ToolDescription = {};
  if (labelflow !== undefined) {
    // The same schema as a policy's `tools` entry: a bad description throws here, never half-applies.
    const parsed = safeParsePolicy({ tools: { tool: labelflow } });
    if (!parsed.success) throw invalid(name, parsed.issues.map((issue) => ({ ...issue, path: [METADATA_KEY, ...issue.path.slice(2)] })));
    description = { metadata: parsed.policy.tools?.['tool'] as ToolMetadata };
  }
  if (mcp !== undefined) {
    const parsed = mcpSourceSchema.safeParse(mcp);
    if (!parsed.success) {
      throw invalid(name, parsed.error.issues.map((issue) => ({ path: [MCP_METADATA_KEY, ...issue.path.map((part) => (typeof part === 'number' ? part : String(part)))], code: issue.code, message: issue.message })));
    }
    description = { ...description, mcp: parsed.data };
  }
  return description;
}

/**
 * Reads a tool's labelflow description from its `metadata` (cached per metadata object, so `labelMcpTools`,
 * which replaces it, is seen). A malformed description
 * throws `InvalidPolicyError`: a description that cannot be read must not be guessed at, because a lost
 * `untrusted` or `secretPaths` would weaken every decision that follows.
 *
 * @example
 * ```ts
 * const send = tool(sendEmail, { name: 'send_email', schema, metadata: { labelflow: { labels: ['exfil:send'], controlArgs: ['to'] } } });
 * describeTool(send).metadata; // { labels: ['exfil:send'], controlArgs: ['to'] }
 * ```
 */
export function describeTool(tool: unknown): ToolDescription {
  if (tool === null || typeof tool !== 'object') return {};
  const metadata = (tool as { metadata?: unknown }).metadata;
  if (metadata === null || typeof metadata !== 'object') return {};
  let description = DESCRIPTIONS.get(metadata);
  if (description === undefined) {
    description = read(String((tool as { name?: unknown }).name ?? 'unknown'), metadata);
    DESCRIPTIONS.set(metadata, description);
  }
  return description;
}
