import { labelModelOutput, shouldMarkInfluenced } from '../evaluate/label-model-output.js';
import { isPositiveLabel } from '../labels/label.js';
import { makeDescriptor, type Descriptor } from '../labels/descriptor.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import type { SessionState } from './session-state.js';

/**
 * What a model's output is labelled with, for one context. The descriptors are made on first use: each one sorts
 * and keys every label of the context, and many model calls never read them.
 */
export interface ModelOutput {
  readonly context: Descriptor;
  readonly influenced: boolean;
  /** The model output's descriptor (`labelModelOutput`). */
  readonly output: Descriptor;
  /**
   * The descriptor of the model's own earlier text when it comes back in a prompt: the output's labels without
   * attestations, because the model's text vouches for nothing (a value it made up is never `known`).
   */
  readonly assistant: Descriptor;
}

function modelOutput(policy: CompiledPolicy, context: Descriptor): ModelOutput {
  let output: Descriptor | undefined;
  let assistant: Descriptor | undefined;
  return {
    context,
    influenced: shouldMarkInfluenced(policy, context),
    get output() {
      output ??= labelModelOutput(policy, context);
      return output;
    },
    get assistant() {
      const made = this.output;
      assistant ??= makeDescriptor({ labels: made.labels.filter((label) => !isPositiveLabel(label)), taint: made.taint.filter((label) => !isPositiveLabel(label)), sources: made.sources });
      return assistant;
    },
  };
}

/**
 * The model output's labels for the scope's current context. Descriptors are interned, so an unchanged context is
 * the same object: the labels are computed once per context, not once per model call (a context holding a
 * thousand provenance labels made every model call, even one with no new part, cost 35 times a fresh session's).
 */
export function modelOutputOf(state: SessionState): ModelOutput {
  const cached = state.modelOutput;
  if (cached !== undefined && cached.context === state.context) return cached;
  const computed = modelOutput(state.policy, state.context);
  state.modelOutput = computed;
  return computed;
}
