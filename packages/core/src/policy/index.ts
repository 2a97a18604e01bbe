export { BUILTIN_RULES, BUILTIN_RULE_IDS, DEFAULT_RULE_IDS, isBuiltinRuleId, type BuiltinRule, type BuiltinRuleId } from './builtin-rules.js';
export { policySchema, toolMetadataSchema, type ArgumentConstraint, type Policy, type ToolMetadata } from './policy-schema.js';
export { parsePolicy, safeParsePolicy, type PolicyParseResult } from './parse-policy.js';
export { policyJsonSchema } from './policy-json-schema.js';
export { lintPolicy, type PolicyLintResult } from './lint-policy.js';
export { BUILTIN_OPERATIONS, compilePolicy, composePolicies, type CompileOptions } from './compile-policy.js';
export { attenuatePolicy } from './attenuate-policy.js';
export { presets } from './presets.js';
export {
  isCompiledPolicy,
  type CompiledLayer,
  type CompiledLabelRule,
  type CompiledPolicy,
  type CompiledToolMetadata,
} from './compiled-policy.js';
