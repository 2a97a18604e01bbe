export { autosignCovers, autosignInstructions, type AutosignOptions, type AutosignResult } from './autosign-instructions.js';
export { checkInstructions, type CheckInstructionsOptions, type InstructionsCheck, type TamperAction } from './check-instructions.js';
export { requireVerifiedBefore, type RequireVerifiedOptions } from './require-verified-before.js';
export { sign, type SignOptions, type SignResult } from './sign.js';
export {
  DEFAULT_SIG_DIR,
  SIGNATURE_DOMAIN,
  signatureFileName,
  signaturePayload,
  signatureRecordSchema,
  templateHash,
  type SignatureRecord,
} from './signature-record.js';
export { SigningError } from './signing-error.js';
export { DEFAULT_KEY_DIR, keyIdOf, loadSigningKey, loadVerifyingKey, type KeyInput, type KeySource, type SigningKey, type VerifyingKey } from './signing-key.js';
export { prependVerificationPrompt, VERIFICATION_SEPARATOR, verificationPrompt, type VerificationPromptOptions } from './verification-prompt.js';
export { verify, type VerifyFailure, type VerifyOptions, type VerifyResult } from './verify.js';
export { createVerifyTool, verifyToolInputSchema, type VerifyToolDefinition, type VerifyToolOptions, type VerifyToolResult } from './verify-tool.js';
