import type { LanguageModelMiddleware } from 'ai';

// INVARIANT: this is the only file that names the AI SDK's versioned language-model spec (V4 in ai@7). The SDK
// moved V2 → V3 → V4 within one major version; when it moves again, this file is the one that changes. The
// shapes are derived from `ai`'s own `LanguageModelMiddleware`, so the adapter needs no dependency on
// `@ai-sdk/provider` beyond the one `ai` already brings.

type WrapGenerate = NonNullable<LanguageModelMiddleware['wrapGenerate']>;
type WrapStream = NonNullable<LanguageModelMiddleware['wrapStream']>;

/** The spec version of the middleware labelflow implements. */
export const MIDDLEWARE_SPEC_VERSION = 'v4';

/** `LanguageModelV4CallOptions`: what a model call receives. */
export type ModelCallOptions = Parameters<WrapGenerate>[0]['params'];

/** `LanguageModelV4Prompt`: the messages of one model call, system first. */
export type ModelPrompt = ModelCallOptions['prompt'];

/** `LanguageModelV4GenerateResult`. */
export type ModelGenerateResult = Awaited<ReturnType<WrapGenerate>>;

/** `LanguageModelV4Content`: one part of a generated response (text, tool call, …). */
export type ModelContent = ModelGenerateResult['content'][number];

/** `LanguageModelV4StreamResult`. */
export type ModelStreamResult = Awaited<ReturnType<WrapStream>>;

/** `LanguageModelV4StreamPart`: one part of a streamed response. */
export type ModelStreamPart = ModelStreamResult['stream'] extends ReadableStream<infer Part> ? Part : never;

/** `SharedV4ProviderMetadata`: provider metadata on results and parts (JSON values by namespace). */
export type ModelProviderMetadata = NonNullable<ModelGenerateResult['providerMetadata']>;
