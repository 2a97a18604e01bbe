export {
  LABELS,
  RISK_CATEGORIES,
  SENSITIVITY_LABELS,
  isOperationLabel,
  isPositiveLabel,
  isProtectedLabel,
  isProvenanceLabel,
  isWellFormedLabel,
  type Label,
} from './label.js';
export { hasLabel, labelSpecificity, labelsMatching, matchesLabel } from './match-label.js';
export {
  EMPTY_DESCRIPTOR,
  combineLeaves,
  descriptorsEqual,
  joinAll,
  joinDescriptors,
  makeDescriptor,
  withoutOperationLabels,
  type Descriptor,
  type DescriptorParts,
} from './descriptor.js';
export {
  addLabels,
  blessLabels,
  removeLabels,
  type LabelChange,
  type TrustConflict,
  type TrustConflictMode,
} from './modify-labels.js';
