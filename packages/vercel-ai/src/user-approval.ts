import { canonicalJson } from '@labelflow/core';

type Loose = Readonly<Record<string, unknown>>;

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Loose)[key] : undefined;
}

function parts(message: unknown, role: string): readonly unknown[] {
  const content = field(message, 'content');
  return field(message, 'role') === role && Array.isArray(content) ? content : [];
}

/**
 * True when a person approved this very call through the SDK's approval flow: the last message answers an
 * approval request for `toolCallId` with `approved: true` (where the SDK itself reads answers), and the call
 * the request was about had this input. Anything else is not an approval.
 *
 * @example
 * ```ts
 * userApproved(messages, toolCall.toolCallId, toolCall.input); // after the app added { type: 'tool-approval-response', approved: true }
 * ```
 */
export function userApproved(messages: readonly unknown[], toolCallId: string, input: unknown): boolean {
  const approved = new Set(
    parts(messages.at(-1), 'tool')
      .filter((part) => field(part, 'type') === 'tool-approval-response' && field(part, 'approved') === true)
      .map((part) => field(part, 'approvalId')),
  );
  if (approved.size === 0) return false;
  const expected = canonicalJson(input);
  for (const message of messages) {
    const content = parts(message, 'assistant');
    const requested = content.some((part) => field(part, 'type') === 'tool-approval-request' && field(part, 'toolCallId') === toolCallId && approved.has(field(part, 'approvalId')));
    const sameCall = content.some((part) => field(part, 'type') === 'tool-call' && field(part, 'toolCallId') === toolCallId && canonicalJson(field(part, 'input')) === expected);
    if (requested && sameCall) return true;
  }
  return false;
}
