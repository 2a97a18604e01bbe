import { createSession, type PromptPart, type Session, type ToolMetadata } from '@labelflow/core';
import type { AgentDriver, AgentRunInput, AgentRunResult, CallRecord, ModelViewMessage, RunTool } from './agent-driver.js';

/** Each message's prompt part, made once: a conversation's parts are handed over again at every step. */
const PARTS = new WeakMap<ModelViewMessage, PromptPart | null>();

function partOf(message: ModelViewMessage, index: number): PromptPart | null {
  let part = PARTS.get(message);
  if (part !== undefined) return part;
  if (message.role === 'user') part = { key: `user:${index}`, role: 'user', content: message.content };
  else if (message.role === 'tool') {
    const content = typeof message.content === 'string' ? message.content : JSON.stringify(message.content);
    part = { key: `tool:${message.toolCallId}`, role: 'tool', content, toolCallId: message.toolCallId };
  } else part = null; // Tool-call turns carry no text; their arguments are grounded when the calls are decided.
  PARTS.set(message, part);
  return part;
}

function promptParts(messages: readonly ModelViewMessage[]): PromptPart[] {
  return messages.map(partOf).filter((part): part is PromptPart => part !== null);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function runUnprotected(tool: RunTool | undefined, args: Readonly<Record<string, unknown>>): Promise<{ status: 'ok' | 'error'; content: unknown }> {
  try {
    if (tool === undefined) throw new Error('unknown tool');
    return { status: 'ok', content: await tool.execute({ ...args }) };
  } catch (error) {
    return { status: 'error', content: { error: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * The core harness: drives the session engine exactly as an adapter does. It registers the user prompt, calls
 * `recordModelCall` with the prompt parts before every model step, runs every tool call through `runToolCall`
 * and feeds the model what the engine lets it see. With `protection: null` it runs the same loop with no
 * labelflow at all (the no-middleware baseline).
 *
 * @example
 * ```ts
 * const result = await createCoreDriver().run({ prompt, tools, protection, model, maxSteps: 60 });
 * ```
 */
export function createCoreDriver(): AgentDriver {
  return {
    name: 'core',
    async run({ prompt, tools, protection, model, maxSteps }: AgentRunInput): Promise<AgentRunResult> {
      const byName = new Map(tools.map((tool) => [tool.name, tool]));
      let session: Session | undefined;
      if (protection !== null) {
        const metadata: Record<string, ToolMetadata> = Object.create(null) as Record<string, ToolMetadata>;
        for (const tool of tools) metadata[tool.name] = tool.metadata;
        session = createSession({ policy: protection.policy, tools: metadata, guards: protection.guards });
        session.registerUserMessage(prompt, { key: 'user:0' });
      }
      const messages: ModelViewMessage[] = [{ role: 'user', content: prompt }];
      const calls: CallRecord[] = [];
      for (let step = 0; step < maxSteps; step += 1) {
        session?.recordModelCall({ parts: promptParts(messages) });
        const turn = model.next({ messages });
        if (turn.type === 'final') return { finalText: turn.text, calls };
        messages.push({ role: 'assistant', toolCalls: turn.calls });
        for (const call of turn.calls) {
          const tool = byName.get(call.toolName);
          if (session === undefined) {
            const { status, content } = await runUnprotected(tool, call.args);
            calls.push({ toolCallId: call.toolCallId, tool: call.toolName, args: call.args, status: status === 'ok' ? 'executed' : 'failed', ruleIds: [] });
            messages.push({ role: 'tool', toolCallId: call.toolCallId, toolName: call.toolName, status, content });
            continue;
          }
          let raw: unknown;
          const outcome = await session.runToolCall(
            { toolName: call.toolName, toolCallId: call.toolCallId, args: call.args },
            (args) => {
              if (tool === undefined) throw new Error('unknown tool');
              raw = tool.execute({ ...args });
              return raw;
            },
          );
          const base = { toolCallId: call.toolCallId, tool: call.toolName, args: call.args };
          if (outcome.type === 'executed') {
            // Only guards rewrite results (redaction aside), so only then is the comparison worth its cost.
            const transformed = protection !== null && protection.guards.length > 0 && !same(raw, outcome.result);
            calls.push({ ...base, status: 'executed', ruleIds: [], transformed });
            messages.push({ role: 'tool', toolCallId: call.toolCallId, toolName: call.toolName, status: 'ok', content: outcome.result });
          } else if (outcome.type === 'denied') {
            calls.push({ ...base, status: 'denied', ruleIds: outcome.decision.ruleIds });
            messages.push({ role: 'tool', toolCallId: call.toolCallId, toolName: call.toolName, status: 'denied', content: outcome.result });
          } else {
            const status = outcome.type === 'failed' ? 'failed' : 'approval-required';
            const error = outcome.type === 'failed' && outcome.error instanceof Error ? outcome.error.message : status;
            calls.push({ ...base, status, ruleIds: [] });
            messages.push({ role: 'tool', toolCallId: call.toolCallId, toolName: call.toolName, status: 'error', content: { error } });
          }
        }
      }
      throw new Error(`the scripted model did not answer within ${maxSteps} steps`);
    },
  };
}
