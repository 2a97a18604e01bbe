export type {
  CapabilitiesConfig,
  CapabilityOperation,
  CapabilityViolation,
  CompiledCapabilities,
} from './capability-types.js';
export {
  parseCapabilityPattern,
  parseHostPattern,
  type CapabilityPattern,
  type HostPattern,
  type PatternParseResult,
} from './parse-capability-pattern.js';
export { parseUrlAllowPattern, compileUrlAllowList, type UrlAllowPattern } from './url-allow-pattern.js';
export { compileCapabilities } from './compile-capabilities.js';
export { checkCapabilities } from './check-capabilities.js';
export { DEFAULT_DANGER_PATTERNS, REFUSED_COMMAND } from './default-danger.js';
export { matchHost } from './match-host.js';
