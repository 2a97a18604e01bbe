import { z } from 'zod';
import type { LedgerRecord } from './ledger-record.js';

// A ledger is a file anyone with access can edit: the queries read its records through these schemas and
// treat a record that does not fit as absent, never as a half-read value.

const labels = z.array(z.string());
const labelMap = z.record(z.string(), labels);

const decisionSchema = z.looseObject({
  type: z.literal('decision'),
  toolCallId: z.string(),
  tool: z.string(),
  decision: z.looseObject({
    type: z.enum(['allow', 'deny', 'require-approval']),
    code: z.string(),
    ruleIds: z.array(z.string()),
    reasons: z.array(z.string()),
  }),
  argLabels: labelMap,
  argDigests: z.record(z.string(), z.string()).optional(),
  argFragments: labelMap.optional(),
  controlArgs: z.array(z.string()).optional(),
  guards: z.array(z.string()).optional(),
  liftedBy: z.string().optional(),
});

const toolResultSchema = z.looseObject({
  type: z.literal('tool-result'),
  toolCallId: z.string(),
  tool: z.string(),
  labels,
  taint: labels,
  digest: z.string().optional(),
  redacted: z.number().optional(),
});

const toolCallSchema = z.looseObject({
  type: z.literal('tool-call'),
  toolCallId: z.string(),
  tool: z.string(),
  status: z.enum(['ok', 'error']),
  durationMs: z.number(),
});

const approvalSchema = z.looseObject({
  type: z.literal('approval'),
  toolCallId: z.string(),
  tool: z.string(),
  approved: z.boolean(),
  by: z.string(),
});

/** A `decision` record, read safely. */
export type DecisionRecord = LedgerRecord & z.infer<typeof decisionSchema>;
/** A `tool-result` record, read safely. */
export type ToolResultRecordView = LedgerRecord & z.infer<typeof toolResultSchema>;
/** A `tool-call` record, read safely. */
export type ToolCallRecordView = LedgerRecord & z.infer<typeof toolCallSchema>;
/** An `approval` record, read safely. */
export type ApprovalRecordView = LedgerRecord & z.infer<typeof approvalSchema>;

function view<T>(schema: z.ZodType<T>) {
  return (record: LedgerRecord): (LedgerRecord & T) | undefined => (schema.safeParse(record).success ? (record as LedgerRecord & T) : undefined);
}

/** The record as a decision, or undefined when it is not a well-formed one. */
export const asDecision = view(decisionSchema) as (record: LedgerRecord) => DecisionRecord | undefined;
/** The record as a tool result, or undefined. */
export const asToolResult = view(toolResultSchema) as (record: LedgerRecord) => ToolResultRecordView | undefined;
/** The record as an executed tool call, or undefined. */
export const asToolCall = view(toolCallSchema) as (record: LedgerRecord) => ToolCallRecordView | undefined;
/** The record as an approval, or undefined. */
export const asApproval = view(approvalSchema) as (record: LedgerRecord) => ApprovalRecordView | undefined;
