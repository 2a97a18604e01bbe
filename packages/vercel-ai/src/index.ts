export { labelflow, type Labelflow, type LabelflowOptions, type WrappableModel } from './labelflow.js';
export type { OutputLabels } from './labelflow-middleware.js';
export type { ApprovalToolCall, LabelflowToolApproval } from './tool-approval.js';
export { sealedCredentials, type LabelflowToolExecutionOptions } from './wrap-tools.js';
export { PolicyDeniedError } from './policy-denied-error.js';
