import { tryGetSession, VERIFICATION_SEPARATOR, verificationPrompt, type Label, type Session } from '@labelflow/core';
import { SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { tool, type StructuredToolInterface } from '@langchain/core/tools';
import type { ThreadSessions } from './create-thread-sessions.js';
import { describeTool } from './describe-tool.js';
import { createInstructionsVerifier, type SigningOptions } from '@labelflow/core';
import { insideLlmTool, runAsLlmTool } from '@labelflow/core';
import { messageText } from './message-text.js';

/** The name instructions are registered under when the middleware names none. */
export const DEFAULT_INSTRUCTIONS_NAME = 'system';

/** The name of the tool autoverify adds to the agent. */
export const VERIFY_TOOL_NAME = 'verify';

/** What the middleware knows about the model it wraps (its agent's model). */
export interface ModelOptions {
  /** The name its instructions (the system message, and any system messages in the conversation) are registered, signed and verified under. Default `system`. */
  readonly name?: string;
  /** `['llm']` for auditor and sub-agent models: under autoverify they get the verification prompt and `verify`. */
  readonly labels?: readonly Label[];
}

/** The parts of a `wrapModelCall` request autoverify reads and may replace. */
export interface InstructionsRequest {
  readonly systemMessage?: SystemMessage | undefined;
  readonly messages: readonly BaseMessage[];
  readonly tools: readonly unknown[];
}

/** What the middleware does with one model call. */
export interface PreparedModelCall {
  /** Tampered instructions were registered `untrusted` (`onTamper: 'flag'`): do not index system text as trusted. */
  readonly flagged: boolean;
  /** Replacements for the request (`systemMessage` with the verification prompt, `tools` without `verify`). */
  readonly overrides: { systemMessage?: SystemMessage; tools?: unknown[] };
}

/** Autoverify for one `labelflowMiddleware`. */
export interface Autoverify {
  /** The tools the middleware adds to the agent: `verify` under autoverify, else none. */
  readonly tools: StructuredToolInterface[];
  /** Registers and checks the instructions of a model call; throws `InstructionsTamperedError` on a denial. */
  prepare(session: Session, request: InstructionsRequest): PreparedModelCall;
  /** Runs a tool's execution; a tool labelled `llm` runs as one, so the model calls inside it are `llm` calls. */
  runTool<T>(toolName: string, tool: unknown, fn: () => T): T;
}

function nameOf(tool: unknown): unknown {
  return tool !== null && typeof tool === 'object' ? (tool as { name?: unknown }).name : undefined;
}

function blockText(content: unknown): string {
  // Empty text blocks (a `concat` of '') are not part of the instructions: they must not make them differ.
  const isEmpty = (block: unknown) => block === '' || (block !== null && typeof block === 'object' && (block as { text?: unknown }).text === '');
  return messageText(Array.isArray(content) ? content.filter((block) => !isEmpty(block)) : content);
}

/** The instructions of a model call: the system message and every system or developer message, joined. */
export function requestInstructions({ systemMessage, messages }: InstructionsRequest): string | undefined {
  const texts = [systemMessage, ...messages.filter((message) => message.type === 'system' || message.type === 'developer')]
    .map((message) => (message === undefined ? '' : blockText(message.content)))
    .filter((text) => text !== '');
  return texts.length === 0 ? undefined : texts.join('\n\n');
}

/**
 * Creates the autoverify part of a `labelflowMiddleware`: the verifier of its instructions (registered on a
 * session's first model call, or fixed in `signing.instructions`; signed only then when `defaults.autosign`
 * covers them), the `verify` tool, and the verification prompt for a model labelled `llm` or called inside a
 * tool labelled `llm`. Without autoverify the middleware gets no tool and requests are left as they are.
 *
 * @example
 * ```ts
 * const autoverify = createAutoverify({ sessions, signing: { onTamper: 'flag' }, model: { name: 'auditor', labels: ['llm'] } });
 * const prepared = autoverify.prepare(session, request); // before recordModelCall
 * ```
 */
export function createAutoverify({ sessions, signing, model = {} }: { sessions: ThreadSessions; signing?: SigningOptions | undefined; model?: ModelOptions | undefined }): Autoverify {
  const { policy } = sessions;
  const verifier = createInstructionsVerifier({ policy, ...(signing === undefined ? {} : { signing }), audit: sessions.audit });
  const name = model.name ?? DEFAULT_INSTRUCTIONS_NAME;
  const llm = model.labels?.includes('llm') === true;
  const definition = verifier.verifyTool();
  const verify = tool(async (input) => verifier.verifyTool(tryGetSession()?.id).execute(input), {
    name: VERIFY_TOOL_NAME,
    description: definition.description,
    schema: definition.zodSchema,
    // Reads only; its output is the signed originals, so it is `trusted` (the engine decides it like any tool).
    metadata: { labelflow: definition.metadata },
  });
  const labelsOf = (toolName: string, candidate: unknown): readonly Label[] => [
    ...(describeTool(candidate).metadata?.labels ?? []),
    ...(sessions.tools[toolName]?.labels ?? []),
    ...(policy.tools.get(toolName)?.labels ?? []),
  ];

  return {
    tools: verifier.autoverify ? [verify] : [],
    prepare(session, request) {
      const verdict = verifier.beforeModelCall({ session, name, read: () => requestInstructions(request) });
      const flagged = verdict.type === 'flagged';
      if (!verifier.autoverify) return { flagged, overrides: {} };
      if (llm || insideLlmTool()) {
        // The note goes before the instructions as the model sees them; it is labelflow's text, never indexed.
        const note = new SystemMessage(`${verificationPrompt({ names: [name], toolName: VERIFY_TOOL_NAME })}${request.systemMessage === undefined || messageText(request.systemMessage.content) === '' ? '' : VERIFICATION_SEPARATOR}`);
        return { flagged, overrides: { systemMessage: request.systemMessage === undefined ? note : note.concat(request.systemMessage) } };
      }
      if (!request.tools.some((candidate) => nameOf(candidate) === VERIFY_TOOL_NAME)) return { flagged, overrides: {} };
      // Other models do not see `verify`: it would only be noise to them.
      return { flagged, overrides: { tools: request.tools.filter((candidate) => nameOf(candidate) !== VERIFY_TOOL_NAME) } };
    },
    runTool(toolName, candidate, fn) {
      return verifier.autoverify && labelsOf(toolName, candidate).includes('llm') ? runAsLlmTool(fn) : fn();
    },
  };
}
