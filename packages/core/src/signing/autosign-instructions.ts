import { matchWildcard, type WildcardToken } from '../capabilities/match-wildcard.js';
import { sign, type SignOptions } from './sign.js';
import { verify } from './verify.js';

/** `defaults.autosign` entries that mean "every instruction" (mlld's aliases). */
const EVERY_INSTRUCTION = new Set(['instructions', 'instruction', 'instruct', 'inst', 'templates']);

/** Options of `autosignInstructions`. */
export interface AutosignOptions extends Omit<SignOptions, 'now'> {
  /** The policy's `defaults.autosign` (a compiled policy's `autosign`): `instructions`, or name globs such as `*Prompt`. */
  readonly autosign: readonly string[];
  /** The instructions and templates being registered, by name. */
  readonly instructions: Readonly<Record<string, string>>;
}

/** What `autosignInstructions` did with each name. */
export interface AutosignResult {
  /** Signed now (new, or changed since their last signature). */
  readonly signed: readonly string[];
  /** Already signed with exactly this text. */
  readonly unchanged: readonly string[];
  /** Not covered by `autosign`. */
  readonly skipped: readonly string[];
}

function globTokens(pattern: string): WildcardToken<string>[] {
  return [...pattern].map((char) => (char === '*' ? { type: 'run' } : { type: 'literal', value: char }));
}

/** True when `defaults.autosign` covers the instruction or template `name`. */
export function autosignCovers(autosign: readonly string[], name: string): boolean {
  return autosign.some((entry) => EVERY_INSTRUCTION.has(entry) || matchWildcard(globTokens(entry), [...name]));
}

/**
 * Signs the instructions and named templates `defaults.autosign` covers, as they are registered. A template is
 * signed again only when its text changed (re-signing unchanged text would only churn the signature store).
 * The adapters call it when they register system prompts; `checkInstructions` verifies them before each model
 * call.
 *
 * @example
 * ```ts
 * autosignInstructions({ autosign: policy.autosign, instructions: { system: SYSTEM_PROMPT }, by: 'system:app' });
 * ```
 */
export function autosignInstructions({ autosign, instructions, ...options }: AutosignOptions): AutosignResult {
  const signed: string[] = [];
  const unchanged: string[] = [];
  const skipped: string[] = [];
  const { cwd, key, keyDir, sigDir } = options;
  const keys = { ...(cwd === undefined ? {} : { cwd }), ...(key === undefined ? {} : { key }), ...(keyDir === undefined ? {} : { keyDir }), ...(sigDir === undefined ? {} : { sigDir }) };
  for (const name of Object.keys(instructions)) {
    const text = instructions[name] as string;
    if (!autosignCovers(autosign, name)) {
      skipped.push(name);
      continue;
    }
    if (verify(name, text, keys).verified) {
      unchanged.push(name);
      continue;
    }
    sign(name, text, options);
    signed.push(name);
  }
  return { signed, unchanged, skipped };
}
