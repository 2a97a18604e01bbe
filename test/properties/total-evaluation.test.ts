import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, compilePolicy, evaluate, isBuiltinRuleId, validateRequest, type CompiledPolicy, type Decision, type ToolCallRequest } from '@labelflow/core';
import { isValidPolicy, layerArb, requestArb, toolsSectionArb, withTools } from '../helpers/arbitraries.js';

const OPTIONS = { homeDir: '/home/u', cwd: '/work/app' };
const RUNS = { numRuns: 300 };

const compiledArb: fc.Arbitrary<CompiledPolicy> = fc
  .tuple(layerArb, toolsSectionArb)
  .map(([layer, tools]) => withTools(layer, tools))
  .filter(isValidPolicy)
  .map((policy) => compilePolicy(policy, OPTIONS));

/** `evaluate` takes any input: requests come from adapters that read model output. */
function evaluateAnything(compiled: CompiledPolicy, request: unknown): Decision {
  return evaluate(compiled, request as ToolCallRequest);
}

type Path = readonly (string | number)[];

/** Every path inside a JSON-like value (the root included). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) paths.push(...pathsOf((value as Record<string, unknown>)[key], [...prefix, key]));
  return paths;
}

/** A deep copy of `value` with the value at `path` replaced (or, at the root, `replacement` itself). */
function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(record).map((key) => [key, key === head ? replaceAt(record[key], rest, replacement) : record[key]]));
}

/** A deep copy of `value` without the key at `path`, when its parent is a plain object (otherwise unchanged). */
function removeAt(value: unknown, path: Path): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return value;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return rest.length === 0 ? value : value.map((item, index) => (index === head ? removeAt(item, rest) : item));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => !(rest.length === 0 && key === head));
  return Object.fromEntries(keys.map((key) => [key, key === head ? removeAt(record[key], rest) : record[key]]));
}

const junkArb = fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true });

// A schema-shaped request with random junk substituted at one random place, or one key deleted.
const corruptedRequestArb = requestArb.chain((request) =>
  fc
    .tuple(fc.constantFrom(...pathsOf(request)), junkArb, fc.boolean())
    .map(([path, junk, remove]) => (remove && path.length > 0 ? removeAt(request, path) : replaceAt(request, path, junk))),
);

function checkTotal(compiled: CompiledPolicy, request: unknown): { problem: string | undefined; decision: Decision } {
  let decision: Decision | undefined;
  expect(() => {
    decision = evaluateAnything(compiled, request);
  }).not.toThrow();
  const problem = validateRequest(request);
  if (decision === undefined) throw new Error('unreachable: evaluate returned nothing');
  if (problem !== undefined) {
    expect(decision.type, `malformed (${problem}) but ${decision.message}`).toBe('deny');
    expect(decision.code).toBe('malformed-request');
  } else {
    expect(decision.code, decision.message).not.toBe('malformed-request');
  }
  return { problem, decision };
}

describe('total evaluation (docs: "evaluate is pure and total")', () => {
  it('should never throw on arbitrary input, and deny every malformed request', () => {
    fc.assert(
      fc.property(compiledArb, junkArb, (compiled, request) => {
        checkTotal(compiled, request);
      }),
      RUNS,
    );
  });

  it('should never throw on schema-shaped requests with junk substituted anywhere, and deny exactly the malformed ones as malformed', () => {
    let malformed = 0;
    let wellFormed = 0;
    fc.assert(
      fc.property(compiledArb, corruptedRequestArb, (compiled, request) => {
        const { problem } = checkTotal(compiled, request);
        if (problem === undefined) wellFormed += 1;
        else malformed += 1;
      }),
      RUNS,
    );
    expect(malformed).toBeGreaterThan(30);
    expect(wellFormed).toBeGreaterThan(30);
  });

  it('should decide every well-formed request without an internal error', () => {
    fc.assert(
      fc.property(compiledArb, fc.oneof(requestArb, corruptedRequestArb), (compiled, request) => {
        const { problem, decision } = checkTotal(compiled, request);
        if (problem === undefined) expect(decision.code, decision.message).not.toBe('internal-error');
      }),
      RUNS,
    );
  });

  it('should give the same decision for the same request (pure)', () => {
    fc.assert(
      fc.property(compiledArb, requestArb, (compiled, request) => {
        const first = evaluate(compiled, request);
        const second = evaluate(compiled, structuredClone(request));
        expect(second).toEqual(first);
      }),
      RUNS,
    );
  });

  it('should give every built-in rule violation its stable reason, and a decision that lists exactly its violations', () => {
    fc.assert(
      fc.property(compiledArb, requestArb, (compiled, request) => {
        const decision = evaluate(compiled, request);
        for (const violation of decision.violations) {
          if (isBuiltinRuleId(violation.ruleId)) expect(violation.reason).toBe(BUILTIN_RULES.get(violation.ruleId)?.reason);
        }
        expect([...decision.ruleIds].sort()).toEqual([...new Set(decision.violations.map((violation) => violation.ruleId))].sort());
        expect(decision.type === 'allow').toBe(decision.violations.length === 0);
        if (decision.type === 'allow') expect(decision.code).toBe('allowed');
      }),
      RUNS,
    );
  });
});
