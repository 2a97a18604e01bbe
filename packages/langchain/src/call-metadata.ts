import type { Label, Session, ToolMetadata } from '@labelflow/core';
import type { ToolDescription } from './describe-tool.js';
import { mcpSourceLabels } from './mcp-source.js';
import type { SessionAdapterState } from './session-adapter-state.js';

/** The metadata a call carries to the engine, and source labels the MCP source guard must add to its result. */
export interface CallMetadata {
  readonly metadata?: ToolMetadata;
  readonly sourceLabels?: readonly Label[];
}

function withOutputLabels(metadata: ToolMetadata | undefined, labels: readonly Label[]): ToolMetadata {
  return { ...(metadata ?? {}), output: { ...(metadata?.output ?? {}), labels: [...(metadata?.output?.labels ?? []), ...labels] } };
}

/**
 * The metadata of one call. A tool with no description passes none, so the engine treats it as consequential
 * (an empty description would mean "described, no risk").
 *
 * An MCP tool's results are labelled with its source. When something describes its operation (the tool, the
 * session's `tools` or the policy), the source labels join its output labels. When nothing does, they cannot
 * travel as metadata without making the tool look described, so the session's MCP source guard adds them; a
 * session without that guard (one the app created itself) cannot label them, and the call throws rather than
 * run an MCP result unlabelled.
 */
export function callMetadataFor({ session, state, toolName, description }: { session: Session; state: SessionAdapterState; toolName: string; description: ToolDescription }): CallMetadata {
  if (description.mcp === undefined) return description.metadata === undefined ? {} : { metadata: description.metadata };
  const labels = mcpSourceLabels(description.mcp);
  const described = description.metadata !== undefined || state.describedTools.has(toolName) || session.policy.tools.has(toolName);
  if (described) return { metadata: withOutputLabels(description.metadata, labels) };
  if (!state.hasMcpGuard) {
    throw new Error(
      `labelflow cannot label the results of MCP tool \`${toolName}\` in a session it did not create: use \`createThreadSessions\` (or the middleware's own sessions), or describe the tool in the policy`,
    );
  }
  // A relabel cannot vouch for a result (adding `trusted` to what the stance made `untrusted` is a trust
  // conflict), so an undescribed tool of a trusted server gets the policy's stance: the stricter reading.
  return { sourceLabels: labels.filter((label) => label !== 'trusted') };
}
