export { LabelflowError } from './labelflow-error.js';
export { InvalidPolicyError, formatIssuePath, type PolicyIssue } from './invalid-policy-error.js';
export { PolicyWideningError } from './policy-widening-error.js';
export { LabelModificationError, type LabelModificationCode } from './label-modification-error.js';
export { SessionMissingError } from './session-missing-error.js';
