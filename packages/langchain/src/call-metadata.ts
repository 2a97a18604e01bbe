import type { Label, ToolMetadata } from '@labelflow/core';
import type { ToolDescription } from './describe-tool.js';
import { mcpSourceLabels } from './mcp-source.js';

/** The metadata a call carries to the engine. */
export interface CallMetadata {
  readonly metadata?: ToolMetadata;
}

function withOutputLabels(metadata: ToolMetadata | undefined, labels: readonly Label[]): ToolMetadata {
  return { ...(metadata ?? {}), output: { ...(metadata?.output ?? {}), labels: [...(metadata?.output?.labels ?? []), ...labels] } };
}

/**
 * The metadata of one call. A tool with no description passes none, so the engine treats it as consequential
 * (an empty description would mean "described, no risk"). An MCP tool's source labels join its output labels:
 * output labels alone do not describe a tool's operation, so an undescribed MCP tool stays as strict as any
 * undescribed tool.
 */
export function callMetadataFor({ description }: { description: ToolDescription }): CallMetadata {
  if (description.mcp === undefined) return description.metadata === undefined ? {} : { metadata: description.metadata };
  return { metadata: withOutputLabels(description.metadata, mcpSourceLabels(description.mcp)) };
}
