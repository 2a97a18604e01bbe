export { evaluate } from './evaluate.js';
export {
  allowDecision,
  denyDecision,
  requireApprovalDecision,
  violation,
  type Decision,
  type DecisionCode,
  type Violation,
} from './decision.js';
export { applyUnlabeledStance, labelModelOutput, shouldMarkInfluenced } from './label-model-output.js';
export { isToolCallRequest, validateRequest } from './validate-request.js';
export type { ArgumentInput, OperationInput, RunCounters, ToolCallRequest, UrlInput } from './tool-call-request.js';
