export { InstructionsTamperedError, instructionsTamperedErrorOf } from './instructions-tampered-error.js';
export {
  TAMPERED_INSTRUCTIONS_SOURCE,
  createInstructionsVerifier,
  type InstructionsVerdict,
  type InstructionsVerifier,
  type SigningOptions,
} from './instructions-verifier.js';
export { insideLlmTool, runAsLlmTool } from './llm-tool-scope.js';
