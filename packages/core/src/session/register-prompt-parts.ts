import { joinDescriptors, makeDescriptor, type Descriptor } from '../labels/descriptor.js';
import { digestValue } from './digest.js';
import { modelOutputOf } from './model-output.js';
import { TOOL_RESULT_PREFIX } from './seen-keys.js';
import { indexFragment, type SessionState } from './session-state.js';
import type { PromptPart } from './session-types.js';
import { userDescriptorOf } from './user-descriptor.js';

const SYSTEM = makeDescriptor({ labels: ['trusted'], taint: ['src:system'] });

/** The descriptor of a tool result the session never recorded (executed outside it): its provenance and the stance. */
function unrecordedToolResult(state: SessionState, part: PromptPart): Descriptor {
  return makeDescriptor({ labels: [state.policy.unlabeled], taint: [`src:tool:${part.toolName ?? part.toolCallId ?? 'unknown'}`] });
}

/** What the new parts of one prompt add to the context, joined into it once rather than once per part. */
interface PendingContext {
  add(descriptor: Descriptor): void;
  /** Joins what was added into the scope's context. */
  settle(): void;
}

function pendingContext(state: SessionState): PendingContext {
  // Labels are collected, not joined: every join makes a descriptor whose cost grows with its labels, so joining
  // parts one by one costs the square of the labels they bring when each brings a new one (`src:tool:<id>`).
  const labels = new Set<string>();
  const taint = new Set<string>();
  let last: Descriptor | undefined;
  return {
    add(descriptor) {
      // Consecutive parts mostly carry the same descriptor (interned, so the same object): add it once.
      if (descriptor === last) return;
      last = descriptor;
      for (const label of descriptor.labels) labels.add(label);
      for (const label of descriptor.taint) taint.add(label);
    },
    settle() {
      if (taint.size === 0 && labels.size === 0) return;
      state.context = joinDescriptors(state.context, makeDescriptor({ labels: [...labels], taint: [...taint] }));
      labels.clear();
      taint.clear();
      last = undefined;
    },
  };
}

/** Indexes one part unless its key was seen. Returns how many fragments it adds to the count of new parts. */
function registerPart(state: SessionState, part: PromptPart, pending: PendingContext): number {
  const toolResult = part.role === 'tool' && part.toolCallId !== undefined;
  if (toolResult ? state.keys.hasToolResult(part.toolCallId as string) : state.keys.has(part.key)) return 0;
  const key = toolResult ? `${TOOL_RESULT_PREFIX}${part.toolCallId as string}` : part.key;
  const index = (fragmentKey: string, descriptor: Descriptor): number => {
    if (!indexFragment(state, { key: fragmentKey, content: part.content, descriptor })) return 0;
    pending.add(descriptor);
    return 1;
  };
  switch (part.role) {
    case 'system':
      return index(key, SYSTEM);
    case 'user':
      // As `registerUserMessage`: a part without a key is keyed by a digest of its text, never the text itself,
      // and counts as new either way.
      index(key ?? `user:${digestValue(part.content)}`, userDescriptorOf(state));
      return 1;
    case 'assistant':
      // The model's own text is labelled with everything it had seen before it, earlier parts of this prompt included.
      pending.settle();
      return index(key, modelOutputOf(state).assistant);
    default:
      return index(key, unrecordedToolResult(state, part));
  }
}

/**
 * Indexes the parts of a prompt that were not indexed before (each key once) and joins them into the scope's
 * context. Returns how many were new.
 *
 * Parts given again at the start of the prompt are recognised by the prompt cursor without a lookup; a tool
 * result is checked by its call id; what the new parts add to the context is joined once, not once per part
 * (a join costs time in the number of labels the context holds).
 */
export function registerPromptParts(state: SessionState, parts: readonly PromptPart[]): number {
  const start = state.prompt.matched(parts);
  const pending = pendingContext(state);
  let added = 0;
  try {
    for (let position = start; position < parts.length; position += 1) added += registerPart(state, parts[position] as PromptPart, pending);
  } finally {
    // What was indexed is in the context even when a later part failed.
    pending.settle();
  }
  state.prompt.remember(parts, start);
  return added;
}
