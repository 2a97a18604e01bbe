// The scripted agent run, once per framework, each with and without labelflow. A variant is a factory of runs: it
// prepares everything that is not part of a run (the compiled policy, the scripted outputs) and returns a function
// that performs one whole run. Adding an adapter is adding a `RunFramework` to `FRAMEWORKS`.
import { compilePolicy, createSession, type CompiledPolicy, type PromptPart, type Session, type ToolCallOutcome } from '@labelflow/core';
import { POLICY, SYSTEM_PROMPT, TOOLS, USER_MESSAGE, nextCallId, type ScriptStep } from './fixtures.js';

/** What one run did; the sanity test checks every benign call was executed. */
export interface RunOutcome {
  readonly steps: number;
  readonly executed: number;
  readonly denied: readonly string[];
}

/** How the wrapped engine loop hands the prompt to `recordModelCall`: the whole prompt each step, or only what is new. */
export type PromptMode = 'full' | 'new';

/** One way of putting labelflow on a framework's run. */
export interface Wrapping {
  /** `engine`, `adapter` (the package's own API) or `hand-wired` (the engine wired in by hand, a reference). */
  readonly name: string;
  readonly wiring: string;
  /** Prepares what an application prepares once (the adapter instance), and returns one run. */
  make(steps: readonly ScriptStep[], policy: CompiledPolicy): () => Promise<RunOutcome>;
}

/** One framework's scripted run, plain and with each way of wrapping it. */
export interface RunFramework {
  readonly name: string;
  plain(steps: readonly ScriptStep[]): () => Promise<RunOutcome>;
  readonly wrappings: readonly Wrapping[];
}

let compiled: CompiledPolicy | undefined;
/** The realistic policy, compiled once (as an application does at start-up). */
export function benchPolicy(): CompiledPolicy {
  compiled ??= compilePolicy(POLICY);
  return compiled;
}

function resultOf(outcome: ToolCallOutcome): unknown {
  if (outcome.type === 'executed' || outcome.type === 'denied') return outcome.result;
  if (outcome.type === 'failed') return { error: String(outcome.error) };
  return { error: 'approval_required', approvalId: outcome.approvalId };
}

// ---------------------------------------------------------------------------------------------------------------
// The engine: a plain loop that executes tool functions, and the same loop through the session.

/** Runs the scripted steps as a minimal agent loop would: append the call, execute the tool, append its result. */
export async function plainEngineRun(steps: readonly ScriptStep[]): Promise<RunOutcome> {
  const messages: PromptPart[] = [
    { key: 'system', role: 'system', content: SYSTEM_PROMPT },
    { key: 'user:0', role: 'user', content: USER_MESSAGE },
  ];
  let executed = 0;
  for (const step of steps) {
    const toolCallId = nextCallId();
    messages.push({ key: `assistant:${toolCallId}`, role: 'assistant', content: JSON.stringify({ tool: step.toolName, args: step.args }) });
    const result = await (async (_args: unknown) => step.output)(step.args);
    messages.push({ key: `tool:${toolCallId}`, role: 'tool', toolCallId, content: JSON.stringify(result) });
    executed += 1;
  }
  return { steps: steps.length, executed, denied: [] };
}

/**
 * The same loop through labelflow: before each model turn `recordModelCall` gets the prompt (all of it, as a
 * framework hands it over, or only the new parts), and every call goes through `runToolCall`.
 */
export async function wrappedEngineRun(steps: readonly ScriptStep[], session: Session, mode: PromptMode = 'full'): Promise<RunOutcome> {
  const messages: PromptPart[] = [
    { key: 'system', role: 'system', content: SYSTEM_PROMPT },
    { key: 'user:0', role: 'user', content: USER_MESSAGE },
  ];
  let recorded = 0;
  let executed = 0;
  const denied: string[] = [];
  const turn = () => {
    session.recordModelCall({ parts: mode === 'full' ? messages : messages.slice(recorded) });
    recorded = messages.length;
  };
  for (const step of steps) {
    turn();
    const toolCallId = nextCallId();
    messages.push({ key: `assistant:${toolCallId}`, role: 'assistant', content: JSON.stringify({ tool: step.toolName, args: step.args }) });
    const outcome = await session.runToolCall({ toolName: step.toolName, toolCallId, args: step.args }, async () => step.output);
    if (outcome.type === 'executed') executed += 1;
    else denied.push(`${step.toolName}: ${outcome.decision.message}`);
    messages.push({ key: `tool:${toolCallId}`, role: 'tool', toolCallId, content: JSON.stringify(resultOf(outcome)) });
  }
  turn();
  session.end();
  return { steps: steps.length, executed, denied };
}

const engine: RunFramework = {
  name: 'engine loop',
  plain: (steps) => () => plainEngineRun(steps),
  wrappings: [{ name: 'engine', wiring: '`recordModelCall` + `runToolCall`', make: (steps, policy) => () => wrappedEngineRun(steps, createSession({ policy })) }],
};

// ---------------------------------------------------------------------------------------------------------------
// Vercel AI SDK 7: `generateText` with `MockLanguageModelV4`.

const USAGE = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/** How an ai@7 run is wrapped: not at all, by hand around a session, or by `@labelflow/vercel-ai`. */
type AiWiring = { readonly kind: 'plain' } | { readonly kind: 'hand-wired'; readonly session: Session } | { readonly kind: 'adapter'; readonly lf: VercelAiLabelflow };

/** The part of `@labelflow/vercel-ai`'s `labelflow()` instance the run uses. */
interface VercelAiLabelflow {
  model(model: unknown): unknown;
  tools<T>(tools: T): T;
  readonly toolApproval: unknown;
}

async function aiRun(steps: readonly ScriptStep[], wiring: AiWiring): Promise<RunOutcome> {
  const session = wiring.kind === 'hand-wired' ? wiring.session : undefined;
  const { generateText, jsonSchema, stepCountIs, tool, wrapLanguageModel } = await import('ai');
  const { MockLanguageModelV4 } = await import('ai/test');
  // The scripted model makes the next call each turn; a tool finds its step by the call's id (so a denied call,
  // whose tool never runs, does not shift the script).
  let turn = 0;
  const byCallId = new Map<string, ScriptStep>();
  let executed = 0;
  const denied: string[] = [];
  const mock = new MockLanguageModelV4({
    doGenerate: async () => {
      const step = steps[turn];
      turn += 1;
      if (step === undefined) return { content: [{ type: 'text', text: 'Done.' }], finishReason: { unified: 'stop', raw: undefined }, usage: USAGE, warnings: [] };
      const toolCallId = nextCallId();
      byCallId.set(toolCallId, step);
      return {
        content: [{ type: 'tool-call', toolCallId, toolName: step.toolName, input: JSON.stringify(step.args) }],
        finishReason: { unified: 'tool-calls', raw: undefined },
        usage: USAGE,
        warnings: [],
      };
    },
  });
  const output = async (toolCallId: string) => {
    const step = byCallId.get(toolCallId);
    if (step === undefined) throw new Error(`bench: no scripted step for tool call ${toolCallId}`);
    return step.output;
  };
  const schema = jsonSchema<Record<string, unknown>>({ type: 'object', additionalProperties: true });
  const tools = Object.fromEntries(
    Object.keys(TOOLS).map((name) => [
      name,
      tool({
        description: name,
        inputSchema: schema,
        execute:
          session === undefined
            ? async (_args: Record<string, unknown>, { toolCallId }: { toolCallId: string }) => {
                executed += 1;
                return output(toolCallId);
              }
            : async (args: Record<string, unknown>, { toolCallId }: { toolCallId: string }) => {
                const outcome = await session.runToolCall({ toolName: name, toolCallId, args }, () => output(toolCallId));
                if (outcome.type === 'executed') executed += 1;
                else denied.push(`${name}: ${outcome.decision.message}`);
                return resultOf(outcome);
              },
      }),
    ]),
  );
  let recorded = 0;
  const model =
    session === undefined
      ? wiring.kind === 'adapter'
        ? (wiring.lf.model(mock) as typeof mock)
        : mock
      : wrapLanguageModel({
          model: mock,
          middleware: {
            specificationVersion: 'v4',
            // Hand-wired stand-in for the adapter's middleware: index the new prompt messages once.
            transformParams: async ({ params }) => {
              const parts: PromptPart[] = [];
              params.prompt.slice(recorded).forEach((message, offset) => {
                const key = `m${recorded + offset}`;
                if (message.role === 'system') parts.push({ key, role: 'system', content: message.content });
                else if (message.role === 'tool') {
                  for (const part of message.content) {
                    if (part.type === 'tool-result') parts.push({ key: `${key}:${part.toolCallId}`, role: 'tool', toolCallId: part.toolCallId, content: JSON.stringify(part.output) });
                  }
                } else {
                  const text = message.content.map((part) => (part.type === 'text' ? part.text : part.type === 'tool-call' ? JSON.stringify(part.input) : '')).join('\n');
                  parts.push({ key, role: message.role, content: text });
                }
              });
              recorded = params.prompt.length;
              session.recordModelCall({ parts });
              return params;
            },
          },
        });
  const settings = { system: SYSTEM_PROMPT, prompt: USER_MESSAGE, stopWhen: stepCountIs(steps.length + 2) };
  if (wiring.kind === 'adapter') {
    const result = await generateText({ model, tools: wiring.lf.tools(tools), toolApproval: wiring.lf.toolApproval as never, ...settings });
    // The adapter reports denials to the model as tool results; the scripted model carries on regardless.
    if (executed < steps.length) denied.push(`${steps.length - executed} calls not executed (${result.steps.length} steps)`);
  } else await generateText({ model, tools, ...settings });
  session?.end();
  return { steps: steps.length, executed, denied };
}

const vercelAi: RunFramework = {
  name: 'ai@7 generateText',
  plain: (steps) => () => aiRun(steps, { kind: 'plain' }),
  wrappings: [
    {
      name: 'adapter',
      wiring: '`@labelflow/vercel-ai`: `labelflow({ policy })` once; `lf.model(mock)`, `lf.tools(tools)`, `toolApproval: lf.toolApproval` per run',
      make: (steps, policy) => {
        let lf: VercelAiLabelflow | undefined;
        return async () => {
          lf ??= ((await import('@labelflow/vercel-ai')) as unknown as { labelflow: (options: { policy: CompiledPolicy }) => VercelAiLabelflow }).labelflow({ policy });
          return aiRun(steps, { kind: 'adapter', lf });
        };
      },
    },
    {
      name: 'hand-wired',
      wiring: 'the engine wired in by hand (middleware `transformParams` → `recordModelCall` of new messages, tool `execute` → `runToolCall`): the least an adapter does',
      make: (steps, policy) => () => aiRun(steps, { kind: 'hand-wired', session: createSession({ policy }) }),
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// LangChain 1.x: `createAgent` with `fakeModel()`.

/** How a LangChain run is wrapped: not at all, by hand around a session, or by `@labelflow/langchain`'s middleware. */
type LangchainWiring = { readonly kind: 'plain' } | { readonly kind: 'hand-wired'; readonly session: Session } | { readonly kind: 'adapter'; readonly middleware: unknown };

async function langchainRun(steps: readonly ScriptStep[], wiring: LangchainWiring): Promise<RunOutcome> {
  const session = wiring.kind === 'hand-wired' ? wiring.session : undefined;
  const { AIMessage, HumanMessage, ToolMessage, createAgent, createMiddleware, fakeModel, tool } = await import('langchain');
  const { z } = await import('zod');
  let executed = 0;
  const denied: string[] = [];
  let model = fakeModel();
  // Factories, not `respondWithTools`: that one copies every previous message into the reply, which doubles the
  // prompt at each step. A tool finds its step by the call's id.
  const byCallId = new Map<string, ScriptStep>();
  for (const step of steps) {
    model = model.respond(() => {
      const id = nextCallId();
      byCallId.set(id, step);
      return new AIMessage({ content: '', tool_calls: [{ name: step.toolName, args: { ...step.args }, id, type: 'tool_call' }] });
    });
  }
  model = model.respond(new AIMessage('Done.'));
  const tools = Object.keys(TOOLS).map((name) =>
    tool(
      async (_input: unknown, config: { toolCall?: { id?: string } }) => {
        const step = byCallId.get(config.toolCall?.id ?? '');
        if (step === undefined) throw new Error(`bench: no scripted step for tool call ${config.toolCall?.id}`);
        if (session === undefined) executed += 1;
        return JSON.stringify(step.output);
      },
      { name, description: name, schema: z.looseObject({}) },
    ),
  );
  let recorded = 0;
  const middleware =
    session === undefined
      ? wiring.kind === 'adapter'
        ? [wiring.middleware as ReturnType<typeof createMiddleware>]
        : []
      : [
          createMiddleware({
            name: 'labelflow-bench',
            // Hand-wired stand-in for the adapter's middleware.
            wrapModelCall: async (request, handler) => {
              const parts: PromptPart[] = recorded === 0 ? [{ key: 'system', role: 'system', content: SYSTEM_PROMPT }] : [];
              request.messages.slice(recorded).forEach((message, offset) => {
                const key = `m${recorded + offset}`;
                const content = typeof message.content === 'string' ? message.content : JSON.stringify(message.content);
                if (ToolMessage.isInstance(message)) parts.push({ key, role: 'tool', toolCallId: message.tool_call_id, content });
                else parts.push({ key, role: HumanMessage.isInstance(message) ? 'user' : 'assistant', content });
              });
              recorded = request.messages.length;
              session.recordModelCall({ parts });
              return handler(request);
            },
            wrapToolCall: async (request, handler) => {
              const id = request.toolCall.id ?? nextCallId();
              let message: unknown;
              const outcome = await session.runToolCall({ toolName: request.toolCall.name, toolCallId: id, args: request.toolCall.args }, async () => {
                message = await handler(request);
                return ToolMessage.isInstance(message) ? message.content : message;
              });
              if (outcome.type === 'executed') {
                executed += 1;
                if (ToolMessage.isInstance(message) && outcome.result === message.content) return message;
                return new ToolMessage({ content: typeof outcome.result === 'string' ? outcome.result : JSON.stringify(outcome.result), tool_call_id: id });
              }
              denied.push(`${request.toolCall.name}: ${outcome.decision.message}`);
              return new ToolMessage({ content: JSON.stringify(resultOf(outcome)), tool_call_id: id, status: 'error' });
            },
          }),
        ];
  const agent = createAgent({ model, tools, systemPrompt: SYSTEM_PROMPT, middleware });
  await agent.invoke({ messages: [new HumanMessage(USER_MESSAGE)] }, { recursionLimit: 4 * steps.length + 10 });
  session?.end();
  if (wiring.kind === 'adapter' && executed < steps.length) denied.push(`${steps.length - executed} calls not executed`);
  return { steps: steps.length, executed, denied };
}

const langchain: RunFramework = {
  name: 'LangChain createAgent',
  plain: (steps) => () => langchainRun(steps, { kind: 'plain' }),
  wrappings: [
    {
      name: 'adapter',
      wiring: '`@labelflow/langchain`: `labelflowMiddleware({ policy })` once, in `createAgent({ middleware })` per run (one session per invocation)',
      make: (steps, policy) => {
        let middleware: unknown;
        return async () => {
          middleware ??= ((await import('@labelflow/langchain')) as unknown as { labelflowMiddleware: (options: { policy: CompiledPolicy }) => unknown }).labelflowMiddleware({ policy });
          return langchainRun(steps, { kind: 'adapter', middleware });
        };
      },
    },
    {
      name: 'hand-wired',
      wiring: 'the engine wired in by hand (`createMiddleware`: `wrapModelCall` → `recordModelCall` of new messages, `wrapToolCall` → `runToolCall`): the least an adapter does',
      make: (steps, policy) => () => langchainRun(steps, { kind: 'hand-wired', session: createSession({ policy }) }),
    },
  ],
};

/** The frameworks the whole-run benchmark compares. Add the adapters' own variants here when they land. */
export const FRAMEWORKS: readonly RunFramework[] = [engine, vercelAi, langchain];

/**
 * Whether an adapter package exports anything yet. Until it does, the whole-run benchmark measures the hand-wired
 * stand-ins above (what the adapter's middleware must at least do), and says so.
 */
export async function adapterStatus(): Promise<Record<string, string>> {
  const status: Record<string, string> = {};
  for (const name of ['@labelflow/vercel-ai', '@labelflow/langchain']) {
    try {
      const exports = Object.keys((await import(name)) as object);
      status[name] = exports.length === 0 ? 'no exports yet' : `exports ${exports.slice(0, 6).join(', ')}${exports.length > 6 ? ', …' : ''}`;
    } catch (error) {
      status[name] = `not loadable (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
    }
  }
  return status;
}
