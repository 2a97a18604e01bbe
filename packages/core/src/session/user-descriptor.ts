import { makeDescriptor, type Descriptor } from '../labels/descriptor.js';
import type { SessionState } from './session-state.js';

/**
 * The labels of a user message in this scope: the scope's own user descriptor (a sub-agent's prompt carries the
 * labels of the tool's inputs), else the session's `userLabels` (`trusted`, `src:user` by default).
 */
export function userDescriptorOf(state: SessionState): Descriptor {
  if (state.userDescriptor !== undefined) return state.userDescriptor;
  const labels = state.options.userLabels ?? ['trusted', 'src:user'];
  return makeDescriptor({ labels: labels.filter((label) => !label.startsWith('src:')), taint: labels.filter((label) => label.startsWith('src:')) });
}
