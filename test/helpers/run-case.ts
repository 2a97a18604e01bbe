import {
  PolicyWideningError,
  addLabels,
  attenuatePolicy,
  blessLabels,
  compilePolicy,
  evaluate,
  labelModelOutput,
  makeDescriptor,
  parsePolicy,
  removeLabels,
  safeParsePolicy,
  shouldMarkInfluenced,
  type CompiledPolicy,
  type Decision,
  type DescriptorParts,
  type LabelChange,
  type ToolCallRequest,
} from '@labelflow/core';
import type {
  AttenuateCase,
  CorpusCase,
  EvaluateCase,
  ExpectedDecision,
  InfluencedCase,
  ParseCase,
  RelabelCase,
} from './corpus-case.js';

/** Where `~/` and relative filesystem patterns point in every corpus case. */
export const CORPUS_COMPILE_OPTIONS = Object.freeze({ homeDir: '/home/u', cwd: '/work/app' });

/**
 * What a case produced and what it expected, reduced to the same shape so that `toEqual` prints a readable diff.
 * `context` is a line for the failure message (the decision's own message, say).
 */
export interface CaseOutcome {
  readonly actual: unknown;
  readonly expected: unknown;
  readonly context: string;
}

/** Descriptor parts without `undefined` members (the case schema's optional fields). */
function parts(value: { labels: string[]; taint?: string[] | undefined; sources?: string[] | undefined }): DescriptorParts {
  return {
    labels: value.labels,
    ...(value.taint === undefined ? {} : { taint: value.taint }),
    ...(value.sources === undefined ? {} : { sources: value.sources }),
  };
}

const sorted = (values: readonly string[]): string[] => [...values].sort();
const pathKey = (path: readonly (string | number)[]): string => JSON.stringify(path);

/** Compiles one policy or a list of layers, each validated with `parsePolicy` first (it throws on an invalid one). */
export function compileCasePolicy(policy: unknown, policies?: readonly unknown[]): CompiledPolicy {
  if (policies !== undefined) return compilePolicy(policies.map((layer) => parsePolicy(layer)), CORPUS_COMPILE_OPTIONS);
  return compilePolicy(parsePolicy(policy), CORPUS_COMPILE_OPTIONS);
}

/**
 * `evaluate` is total: it validates the request itself, so the corpus hands it whatever JSON the case holds.
 * (The case schema already checked that every request not expected to be malformed is a well-formed one.)
 */
export function evaluateRequest(compiled: CompiledPolicy, request: unknown): Decision {
  return evaluate(compiled, request as ToolCallRequest);
}

/** The fields of `decision` that `expected` names, with sets sorted. */
export function projectDecision(decision: Decision, expected: ExpectedDecision): { actual: unknown; expected: unknown } {
  const actual: Record<string, unknown> = { type: decision.type };
  const wanted: Record<string, unknown> = { type: expected.type };
  if (expected.code !== undefined) {
    actual['code'] = decision.code;
    wanted['code'] = expected.code;
  }
  if (expected.ruleIds !== undefined) {
    actual['ruleIds'] = sorted(decision.ruleIds);
    wanted['ruleIds'] = sorted(expected.ruleIds);
  }
  if (expected.args !== undefined) {
    actual['args'] = sorted(decision.args);
    wanted['args'] = sorted(expected.args);
  }
  if (expected.labels !== undefined) {
    actual['labels'] = sorted(decision.labels);
    wanted['labels'] = sorted(expected.labels);
  }
  if (expected.overridable !== undefined) {
    actual['overridable'] = decision.type === 'deny' ? decision.overridable : `(no overridable on a ${decision.type})`;
    wanted['overridable'] = expected.overridable;
  }
  return { actual, expected: wanted };
}

function runEvaluate(item: EvaluateCase): CaseOutcome {
  const compiled = compileCasePolicy(item.policy, item.policies);
  const decision = evaluateRequest(compiled, item.request);
  return { ...projectDecision(decision, item.expect), context: `decision: ${decision.message}` };
}

function runParse(item: ParseCase): CaseOutcome {
  const result = safeParsePolicy(item.policy);
  if (result.success) {
    return { actual: { valid: true }, expected: item.expect.issues === undefined ? { valid: item.expect.valid } : item.expect, context: 'the policy parsed' };
  }
  const actualIssues = result.issues.map((issue) => ({ path: [...issue.path], code: issue.code, message: issue.message }));
  const context = `issues: ${actualIssues.map((issue) => `${pathKey(issue.path)} ${issue.code}: ${issue.message}`).join('; ')}`;
  if (item.expect.issues === undefined) return { actual: { valid: false }, expected: { valid: item.expect.valid }, context };
  const expectedIssues = [...item.expect.issues].sort((a, b) => pathKey(a.path).localeCompare(pathKey(b.path)));
  // Compare codes only where the case names one.
  const codeWanted = new Map(expectedIssues.map((issue) => [pathKey(issue.path), issue.code !== undefined]));
  const actual = actualIssues
    .map((issue) => (codeWanted.get(pathKey(issue.path)) === true ? { path: issue.path, code: issue.code } : { path: issue.path }))
    .sort((a, b) => pathKey(a.path).localeCompare(pathKey(b.path)));
  const expected = expectedIssues.map((issue) => (issue.code === undefined ? { path: issue.path } : { path: issue.path, code: issue.code }));
  return { actual: { valid: false, issues: actual }, expected: { valid: item.expect.valid, issues: expected }, context };
}

function runAttenuate(item: AttenuateCase): { outcome: CaseOutcome; decision?: CaseOutcome } {
  const parent = Array.isArray(item.parent) ? compileCasePolicy(undefined, item.parent) : compileCasePolicy(item.parent);
  const child = parsePolicy(item.child);
  let result: CompiledPolicy;
  try {
    result = attenuatePolicy(parent, child, CORPUS_COMPILE_OPTIONS);
  } catch (error) {
    if (!PolicyWideningError.isInstance(error)) throw error;
    const paths = error.issues.map((issue) => [...issue.path]).sort((a, b) => pathKey(a).localeCompare(pathKey(b)));
    const expectedPaths = item.expect.paths?.map((path) => [...path]).sort((a, b) => pathKey(a).localeCompare(pathKey(b)));
    return {
      outcome: {
        actual: expectedPaths === undefined ? { widening: true } : { widening: true, paths },
        expected: expectedPaths === undefined ? { widening: item.expect.widening } : { widening: item.expect.widening, paths: expectedPaths },
        context: error.message,
      },
    };
  }
  const outcome: CaseOutcome = {
    actual: { widening: false },
    expected: { widening: item.expect.widening, ...(item.expect.paths === undefined ? {} : { paths: item.expect.paths }) },
    context: 'attenuatePolicy accepted the child',
  };
  if (item.request === undefined || item.expectDecision === undefined) return { outcome };
  const decision = evaluateRequest(result, item.request);
  return { outcome, decision: { ...projectDecision(decision, item.expectDecision), context: `decision: ${decision.message}` } };
}

function projectChange(change: LabelChange, expected: RelabelCase['expect']): { actual: unknown; expected: unknown } {
  const actual: Record<string, unknown> = { type: change.type };
  const wanted: Record<string, unknown> = { type: expected.type };
  if (expected.code !== undefined) {
    actual['code'] = change.type === 'refused' ? change.error.code : '(not refused)';
    wanted['code'] = expected.code;
  }
  if (expected.labels !== undefined) {
    actual['labels'] = change.type === 'changed' ? sorted(change.descriptor.labels) : '(refused)';
    wanted['labels'] = sorted(expected.labels);
  }
  if (expected.taint !== undefined) {
    actual['taint'] = change.type === 'changed' ? sorted(change.descriptor.taint) : '(refused)';
    wanted['taint'] = sorted(expected.taint);
  }
  if (expected.conflict !== undefined) {
    actual['conflict'] = change.type === 'changed' && change.conflict !== undefined;
    wanted['conflict'] = expected.conflict;
  }
  if (expected.warning !== undefined) {
    actual['warning'] = change.type === 'changed' && change.warning !== undefined;
    wanted['warning'] = expected.warning;
  }
  return { actual, expected: wanted };
}

function runRelabel(item: RelabelCase): CaseOutcome {
  const descriptor = makeDescriptor(parts(item.descriptor));
  const privileged = item.privileged ?? false;
  const labels = item.labels ?? [];
  const change =
    item.op === 'add'
      ? addLabels(descriptor, labels, item.trustconflict === undefined ? {} : { trustConflict: item.trustconflict })
      : item.op === 'remove'
        ? removeLabels(descriptor, labels, { privileged })
        : blessLabels(descriptor, { privileged });
  const context = change.type === 'changed' ? `labels: ${JSON.stringify(change.descriptor.labels)}` : `refused: ${change.error.message}`;
  return { ...projectChange(change, item.expect), context };
}

function runInfluenced(item: InfluencedCase): CaseOutcome {
  const compiled = compileCasePolicy(item.policy);
  const context = parts(item.context);
  const influenced = shouldMarkInfluenced(compiled, context);
  const output = labelModelOutput(compiled, makeDescriptor(context));
  const actual: Record<string, unknown> = {
    shouldMarkInfluenced: influenced,
    outputInfluenced: output.labels.includes('influenced'),
    outputLlm: output.labels.includes('llm'),
  };
  const expected: Record<string, unknown> = {
    shouldMarkInfluenced: item.expect.influenced,
    outputInfluenced: item.expect.influenced,
    outputLlm: true,
  };
  if (item.expect.labels !== undefined) {
    actual['labels'] = sorted(output.labels);
    expected['labels'] = sorted(item.expect.labels);
  }
  return { actual, expected, context: `model output labels: ${JSON.stringify(output.labels)}` };
}

/** Runs one case; attenuate cases with a request yield a second outcome for the decision. */
export function runCase(item: CorpusCase): CaseOutcome[] {
  switch (item.kind) {
    case 'evaluate':
      return [runEvaluate(item)];
    case 'parse':
      return [runParse(item)];
    case 'attenuate': {
      const { outcome, decision } = runAttenuate(item);
      return decision === undefined ? [outcome] : [outcome, decision];
    }
    case 'relabel':
      return [runRelabel(item)];
    case 'influenced':
      return [runInfluenced(item)];
  }
}
