import { makeDescriptor, type Descriptor } from '../labels/descriptor.js';
import type { Label } from '../labels/label.js';
import { emit } from './emit.js';
import { contentOf, registerFragment, type SessionState } from './session-state.js';

/** The values an application labels itself (`session.label`, `secret`, `labelsOf`). */
export interface AppValues {
  label<T>(value: T, labels: readonly Label[]): T;
  secret(value: string): string;
  labelsOf(value: unknown): Descriptor | undefined;
}

/**
 * The app's labelled values of one session: registered by content (and objects also by identity) as fragments the
 * model does not see, so an argument holding one is grounded with its labels; a `secret` string goes to the vault.
 */
export function createAppValues(state: SessionState): AppValues {
  const identities = new WeakMap<object, Descriptor>();
  const contents = new Map<string, Descriptor>();
  let registered = 0;
  const register = (value: unknown, descriptor: Descriptor) => {
    registered += 1;
    if (value !== null && typeof value === 'object') identities.set(value, descriptor);
    const content = contentOf(value);
    contents.set(content, descriptor);
    registerFragment(state, { key: `app:${registered}`, content, descriptor, visible: false });
  };
  return {
    label(value, labels) {
      const descriptor = makeDescriptor({ labels: labels.filter((label) => !label.startsWith('src:')), taint: [...labels.filter((label) => label.startsWith('src:')), 'src:app'] });
      if (descriptor.labels.includes('secret') && typeof value === 'string') state.run.vault.add(value, descriptor);
      else register(value, descriptor);
      emit(state, () => ({ type: 'label', target: 'app', labels, by: 'app' }));
      return value;
    },
    secret(value) {
      const descriptor = makeDescriptor({ labels: ['secret'], taint: ['src:app'] });
      contents.set(value, descriptor);
      emit(state, () => ({ type: 'label', target: 'app', labels: ['secret'], by: 'app' }));
      return state.run.vault.add(value, descriptor);
    },
    labelsOf(value) {
      if (value !== null && typeof value === 'object') return identities.get(value);
      return contents.get(contentOf(value));
    },
  };
}
