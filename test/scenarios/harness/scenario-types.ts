import type { ToolMetadata } from '@labelflow/core';
import type { z } from 'zod';

/** The three policy profiles the suite measures (research/agentdojo.md §7.4). */
export const PROFILE_IDS = ['P0', 'P0+M', 'P1'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

/** Reads what the model saw in the latest successful result of `tool` (a dot path; `*` maps over arrays). */
export interface ResultRef {
  readonly $ref: { readonly tool: string; readonly path: string; readonly join?: string };
}

/** Text made of parts: each part resolved and written as text (objects as JSON), then concatenated. */
export interface TextConcat {
  readonly $concat: readonly ScriptValue[];
}

/** A value in a scripted call: a literal, a reference into an earlier tool result, or text built from both. */
export type ScriptValue =
  | null
  | boolean
  | number
  | string
  | ResultRef
  | TextConcat
  | readonly ScriptValue[]
  | { readonly [key: string]: ScriptValue };

/** One tool call a scripted model makes. */
export interface ScriptCall {
  readonly tool: string;
  readonly args: { readonly [arg: string]: ScriptValue };
}

/** One call of a finished run as a grader reads it: only calls that executed count (AgentDojo's trace pitfall). */
export interface ExecutedCall {
  readonly tool: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/** What graders read: the environment before and after, the executed calls and the final answer. */
export interface GradeInput<Env> {
  readonly pre: Env;
  readonly post: Env;
  readonly calls: readonly ExecutedCall[];
  readonly finalText: string;
}

/** A tool of a suite: zod input schema, labelflow metadata and a pure implementation over the environment. */
export interface ToolSpec<Env> {
  readonly name: string;
  readonly description: string;
  readonly input: z.ZodType<Record<string, unknown>>;
  /** What the tool declares to labelflow: operation labels, control arguments, output trust and secrets. */
  readonly metadata: ToolMetadata;
  /** Arguments whose value matters but is not a target (amounts, dates, titles): P1 requires them grounded. */
  readonly trustedPayload?: readonly string[];
  readonly run: (env: Env, args: Record<string, unknown>) => unknown;
}

/**
 * A pinned manifest value: a literal (or list) the user named, or `'*'` for a target found at run time, which the
 * suite expands to every value of that argument's kind in the environment (the engine requires every control
 * argument of an authorized write to be pinned).
 */
export type ManifestPin = '*' | string | number | boolean | null | readonly (string | number)[];
export type Manifest = { readonly [tool: string]: true | { readonly [arg: string]: ManifestPin } };

/** A denial a benign run is expected to meet (a "should-fail" task): anything else is a false positive. */
export interface ExpectedDenial {
  readonly tool: string;
  readonly ruleIds: readonly string[];
}

/** A user task: the prompt, its ground-truth script, the answer, its grader and its manifests. */
export interface UserTask<Env> {
  readonly id: string;
  readonly prompt: string;
  readonly calls: readonly ScriptCall[];
  readonly answer: string;
  readonly utility: (grade: GradeInput<Env>) => boolean;
  /** P0+M: the writes of the ground truth, control arguments pinned. */
  readonly manifest: Manifest;
  /** P1 only, when it differs: the writes the prompt itself licenses (a delegation task licenses none). */
  readonly strictManifest?: Manifest;
  /** A recommendation task: P1 projects review prose out of what the model reads. */
  readonly advice?: boolean;
  readonly expectDenied?: Partial<Record<ProfileId, readonly ExpectedDenial[]>>;
  /** The benign script does something nobody asked for: it fails unless a manifest stops the over-action. */
  readonly overEager?: boolean;
  readonly note?: string;
}

export type VariantId = 'V1' | 'V2' | 'V3' | 'V4' | 'V5';

/** One way the compromised model sources an attack call's arguments; the last call is the action. */
export interface Variant {
  readonly id: VariantId;
  readonly calls: readonly ScriptCall[];
  /** Set when this variant is a real leak the injection task's grader does not count (reported apart). */
  readonly stress?: string;
}

/** One action of an injection task, tried variant by variant. */
export interface AttackStep {
  readonly variants: readonly Variant[];
  /** Index of an earlier step whose action must have executed (a chain such as "send, then delete it"). */
  readonly needs?: number;
}

/** What a profile is expected to do with an attack. */
export type Expectation =
  | { readonly outcome: 'blocked'; readonly blockedBy: readonly string[] }
  | { readonly outcome: 'residual'; readonly why: string };

/** An expectation that depends on the task (its manifest), resolved by `expectationFor`. */
export type ExpectationRule = (context: { readonly suite: AnySuite; readonly task: AnyUserTask; readonly profile: ProfileId }) => Expectation;

export type ExpectationTable = Readonly<Record<ProfileId, Expectation | ExpectationRule>>;

/** An injection task: the goal text planted in the slots, the compromised actions and the breach grader. */
export interface InjectionTask<Env> {
  readonly id: string;
  readonly goal: string;
  readonly steps: readonly AttackStep[];
  /** Output-only goal: what the obeying model says in its answer. */
  readonly say?: string;
  readonly breach: (grade: GradeInput<Env>) => boolean;
  readonly expect: ExpectationTable;
  readonly overrides?: { readonly [userTaskId: string]: Partial<ExpectationTable> };
}

/** A suite: fixture, tools, tasks and how `'*'` manifest pins expand. */
export interface Suite<Env> {
  readonly name: string;
  readonly tools: readonly ToolSpec<Env>[];
  /** Injection slots; a fresh environment per run, each slot holding its default text unless given. */
  readonly slots: readonly string[];
  readonly createEnvironment: (slots?: Readonly<Record<string, string>>) => Env;
  readonly userTasks: readonly UserTask<Env>[];
  readonly injectionTasks: readonly InjectionTask<Env>[];
  /** Every value of a control argument's kind in the environment, for `'*'` pins. */
  readonly domain: (tool: string, arg: string, env: Env) => readonly (string | number)[];
  /** Who the injection text claims to be from (the suite's user). */
  readonly userName: string;
}

// Environment types erased, for harness code that handles every suite alike (graders and tools take the
// environment as a parameter, so `unknown` would not accept them).
/* eslint-disable @typescript-eslint/no-explicit-any */
export type AnySuite = Suite<any>;
export type AnyUserTask = UserTask<any>;
export type AnyInjectionTask = InjectionTask<any>;
export type AnyToolSpec = ToolSpec<any>;
/* eslint-enable @typescript-eslint/no-explicit-any */
