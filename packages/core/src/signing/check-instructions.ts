import type { AuditLedger } from '../audit/create-audit-ledger.js';
import type { KeySource } from './signing-key.js';
import { verify, type VerifyResult } from './verify.js';

/** What to do with instructions that do not match their signature. */
export type TamperAction = 'deny' | 'flag';

/** Options of `checkInstructions`. */
export interface CheckInstructionsOptions extends KeySource {
  /** The instructions about to be sent to the model, by name. */
  readonly instructions: Readonly<Record<string, string>>;
  /** `deny` (default): refuse the model call; `flag`: let it go ahead with the instructions treated as untrusted. */
  readonly onTamper?: TamperAction;
  readonly sigDir?: string;
  readonly ledger?: Pick<AuditLedger, 'append'>;
  readonly sessionId?: string;
}

/** The outcome of `checkInstructions`. */
export type InstructionsCheck =
  | { readonly type: 'verified'; readonly results: Readonly<Record<string, VerifyResult>> }
  | {
      readonly type: 'tampered';
      /** What the caller must do: refuse the model call, or go ahead with these instructions labelled untrusted. */
      readonly action: TamperAction;
      /** Names that did not verify (changed, unsigned, forged…). */
      readonly names: readonly string[];
      readonly results: Readonly<Record<string, VerifyResult>>;
    };

/**
 * Checks that the instructions a model is about to receive are exactly what was signed (autoverify). Every name
 * given must verify: changed text, a missing signature and a forged one all count as tampering. Each check is
 * recorded in the ledger (`verify`, `by: autoverify`). With `onTamper: 'deny'` the adapter refuses the model
 * call; with `flag` it goes ahead but registers the instructions as `untrusted`, so what the model then does is
 * `influenced` and the policy's rules treat it so.
 *
 * @example
 * ```ts
 * const check = checkInstructions({ instructions: { system: params.system }, onTamper: 'deny', ledger });
 * if (check.type === 'tampered' && check.action === 'deny') throw new Error(`instructions changed: ${check.names}`);
 * ```
 */
export function checkInstructions({ instructions, onTamper = 'deny', ledger, sessionId, ...keys }: CheckInstructionsOptions): InstructionsCheck {
  const results: Record<string, VerifyResult> = Object.create(null) as Record<string, VerifyResult>;
  const names: string[] = [];
  for (const name of Object.keys(instructions)) {
    const result = verify(name, instructions[name] as string, { ...keys, by: 'autoverify', ...(ledger === undefined ? {} : { ledger }), ...(sessionId === undefined ? {} : { sessionId }) });
    results[name] = result;
    if (!result.verified) names.push(name);
  }
  return names.length === 0 ? { type: 'verified', results } : { type: 'tampered', action: onTamper, names, results };
}
