import { deniedResult, type Decision } from '@labelflow/core';
import { ToolMessage } from '@langchain/core/messages';

/**
 * The `ToolMessage` a model reads instead of a refused call: `status: 'error'` and, as content, the engine's
 * readable denial (`{ error: 'policy_denied', code, rule, reason }`), so the agent can carry on with the rest
 * of its task. `response_metadata.labelflow` holds the decision for the app.
 *
 * @example
 * ```ts
 * refusedToolMessage({ decision, toolCallId: 'call_1', toolName: 'send_email' }).content;
 * // '{"error":"policy_denied","code":"policy-denied","rule":"no-send-to-unknown","reason":"policy denied `send_email`: …"}'
 * ```
 */
export function refusedToolMessage({ decision, toolCallId, toolName, note }: { decision: Decision; toolCallId: string; toolName: string; note?: string | undefined }): ToolMessage {
  const result = deniedResult(decision);
  return new ToolMessage({
    content: JSON.stringify(note === undefined ? result : { ...result, note }),
    tool_call_id: toolCallId,
    name: toolName,
    status: 'error',
    response_metadata: { labelflow: { decision: decision.type, code: decision.code, ruleIds: decision.ruleIds } },
  });
}
