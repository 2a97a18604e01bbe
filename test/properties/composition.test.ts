import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyWideningError, attenuatePolicy, compilePolicy, evaluate, type CompiledPolicy, type Policy, type TrustConflictMode } from '@labelflow/core';
import { isValidPolicy, layerArb, requestArb, toolsSectionArb, withTools } from '../helpers/arbitraries.js';

const OPTIONS = { homeDir: '/home/u', cwd: '/work/app' };

// Tool descriptions are shared by every layer (as when an app layer describes its tools under a preset):
// `compilePolicy` merges them over all layers, so a layer compared "alone" must see the same descriptions.
const layersArb = (min: number, max: number) =>
  fc
    .tuple(fc.array(layerArb, { minLength: min, maxLength: max }), toolsSectionArb)
    .map(([layers, tools]) => layers.map((layer) => withTools(layer, tools)))
    .filter((layers) => layers.every(isValidPolicy));

/** Keeps only the parts of a layer that can only narrow: deny patterns, rules, label rules, limits, approvals. */
function narrowingPart(layer: Policy): Policy {
  const narrowed: Policy = {};
  if (layer.capabilities?.deny !== undefined) narrowed.capabilities = { deny: layer.capabilities.deny };
  if (layer.defaults?.rules !== undefined) narrowed.defaults = { rules: layer.defaults.rules };
  if (layer.operations !== undefined) narrowed.operations = layer.operations;
  if (layer.labels !== undefined) narrowed.labels = layer.labels;
  if (layer.limits !== undefined) narrowed.limits = layer.limits;
  if (layer.requireApproval !== undefined) narrowed.requireApproval = layer.requireApproval;
  return narrowed;
}

// Children that mostly narrow (so attenuation often succeeds), sometimes anything (often refused as a widening).
const narrowingChildArb: fc.Arbitrary<Policy> = fc.oneof({ weight: 3, arbitrary: layerArb.map(narrowingPart) }, { weight: 1, arbitrary: layerArb });

/** The attenuated policy, or `undefined` when the child was refused as a widening (a valid outcome). */
function attenuateOrUndefined(parent: CompiledPolicy, child: Policy): CompiledPolicy | undefined {
  try {
    return attenuatePolicy(parent, child, OPTIONS);
  } catch (error) {
    // Refusing to widen is a valid outcome; any other error is a bug.
    expect(PolicyWideningError.isInstance(error), String(error)).toBe(true);
    return undefined;
  }
}

describe('composition (docs: "a composed policy never allows what any of its layers denies")', () => {
  it('should deny a call when any layer alone denies it', () => {
    let layerDenials = 0;
    fc.assert(
      fc.property(layersArb(2, 3), requestArb, (layers, request) => {
        const composed = evaluate(compilePolicy(layers, OPTIONS), request);
        for (const [index, layer] of layers.entries()) {
          const alone = evaluate(compilePolicy(layer, OPTIONS), request);
          if (alone.type !== 'deny') continue;
          layerDenials += 1;
          expect(composed.type, `layer ${index} alone: ${alone.message}; composed: ${composed.message}`).toBe('deny');
        }
      }),
      { numRuns: 300 },
    );
    expect(layerDenials).toBeGreaterThan(50);
  });

  it('should never allow, after attenuation, what the parent or the child alone denies (tool descriptions shared)', () => {
    let attenuated = 0;
    let denials = 0;
    fc.assert(
      fc.property(layersArb(1, 2), narrowingChildArb, requestArb, (parentLayers, childLayer, request) => {
        const tools = parentLayers[0]?.tools;
        const child = tools === undefined ? childLayer : withTools(childLayer, tools);
        if (!isValidPolicy(child)) return;
        const parent = compilePolicy(parentLayers, OPTIONS);
        const result = attenuateOrUndefined(parent, child);
        if (result === undefined) return;
        attenuated += 1;
        const decision = evaluate(result, request);
        for (const [name, alone] of [['parent', evaluate(parent, request)], ['child', evaluate(compilePolicy(child, OPTIONS), request)]] as const) {
          if (alone.type !== 'deny') continue;
          denials += 1;
          expect(decision.type, `${name} alone: ${alone.message}; attenuated: ${decision.message}`).toBe('deny');
        }
      }),
      { numRuns: 300 },
    );
    expect(attenuated).toBeGreaterThan(100);
    expect(denials).toBeGreaterThan(50);
  });

  it('should never allow, after attenuation, what the parent alone denies, even when the child describes tools the parent left undescribed', () => {
    // A child scope may only narrow. Describing a tool (labels, control arguments) relaxes the strict reading of an
    // undescribed tool, so a child's description must not make the result allow what the parent alone denies.
    let attenuated = 0;
    let denials = 0;
    fc.assert(
      fc.property(layersArb(1, 2), narrowingChildArb, toolsSectionArb, requestArb, fc.nat(), (parentLayers, childLayer, extraTools, generated, pick) => {
        const parentTools = parentLayers[0]?.tools ?? {};
        const extra = Object.fromEntries(Object.entries(extraTools).filter(([name]) => !Object.hasOwn(parentTools, name)));
        // Half the time, call one of the tools only the child describes (where a relaxation would show).
        const extraNames = Object.keys(extra);
        const request = pick % 2 === 0 && extraNames.length > 0 ? { ...generated, tool: extraNames[pick % extraNames.length] as string } : generated;
        const child = withTools(childLayer, { ...parentTools, ...extra });
        if (!isValidPolicy(child)) return;
        const parent = compilePolicy(parentLayers, OPTIONS);
        const result = attenuateOrUndefined(parent, child);
        if (result === undefined) return;
        attenuated += 1;
        const alone = evaluate(parent, request);
        if (alone.type !== 'deny') return;
        denials += 1;
        const decision = evaluate(result, request);
        expect(decision.type, `parent alone: ${alone.message}; child tools: ${JSON.stringify(child.tools)}; attenuated: ${decision.message}`).toBe('deny');
      }),
      { numRuns: 300 },
    );
    // Attenuation refuses most of these children (describing an undescribed tool widens), so fewer get through.
    expect(attenuated).toBeGreaterThan(30);
    expect(denials).toBeGreaterThan(10);
  });

  it('should combine the scalar settings strictly: strictest trust-conflict mode, untrusted stance unless all trusted, locked if any', () => {
    const strictness: Record<TrustConflictMode, number> = { 'untrusted-wins': 0, warn: 1, error: 2 };
    const scalarsArb = fc.record(
      {
        trustconflict: fc.constantFrom<TrustConflictMode>('untrusted-wins', 'warn', 'error'),
        unlabeled: fc.constantFrom('trusted' as const, 'untrusted' as const),
        locked: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(scalarsArb, { minLength: 1, maxLength: 4 }), (settings) => {
        const layers: Policy[] = settings.map(({ trustconflict, unlabeled, locked }) => ({
          defaults: { ...(trustconflict === undefined ? {} : { trustconflict }), ...(unlabeled === undefined ? {} : { unlabeled }) },
          ...(locked === undefined ? {} : { locked }),
        }));
        const compiled = compilePolicy(layers, OPTIONS);
        const modes = settings.map(({ trustconflict }) => trustconflict ?? 'untrusted-wins');
        const strictest = modes.reduce((a, b) => (strictness[b] > strictness[a] ? b : a));
        expect(compiled.trustConflict).toBe(strictest);
        expect(compiled.unlabeled).toBe(settings.every(({ unlabeled }) => unlabeled === 'trusted') ? 'trusted' : 'untrusted');
        expect(compiled.locked).toBe(settings.some(({ locked }) => locked === true));
      }),
      { numRuns: 300 },
    );
  });
});
