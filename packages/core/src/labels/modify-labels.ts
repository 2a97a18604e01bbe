import { LabelModificationError } from '../errors/label-modification-error.js';
import { makeDescriptor, type Descriptor } from './descriptor.js';
import { isProtectedLabel, isProvenanceLabel, type Label } from './label.js';
import { hasLabel, matchesLabel } from './match-label.js';

/** What happens when `trusted` is added to an `untrusted` value (`defaults.trustconflict`). */
export type TrustConflictMode = 'untrusted-wins' | 'warn' | 'error';

/** A trust conflict that was resolved: `trusted` was refused and the value stays `untrusted`. */
export interface TrustConflict {
  readonly labels: readonly ['trusted', 'untrusted'];
  readonly resolved: 'untrusted';
}

/** The outcome of a label change: the new descriptor (with any conflict to audit), or the refusal. */
export type LabelChange =
  | { readonly type: 'changed'; readonly descriptor: Descriptor; readonly conflict?: TrustConflict; readonly warning?: string }
  | { readonly type: 'refused'; readonly error: LabelModificationError };

const TRUST_CONFLICT: TrustConflict = Object.freeze({ labels: Object.freeze(['trusted', 'untrusted'] as const), resolved: 'untrusted' });

function changed(descriptor: Descriptor, conflict?: TrustConflict, warning?: string): LabelChange {
  return Object.freeze({
    type: 'changed',
    descriptor,
    ...(conflict === undefined ? {} : { conflict }),
    ...(warning === undefined ? {} : { warning }),
  });
}

function refused(error: LabelModificationError): LabelChange {
  return Object.freeze({ type: 'refused', error });
}

/**
 * Adds labels to a descriptor. Adding never needs privilege. Adding `untrusted` drops `trusted` (a downgrade is
 * always allowed). Adding `trusted` to an `untrusted` value is a trust conflict: under `untrusted-wins` (the
 * default) and `warn` the value stays `untrusted` and the conflict is returned for the audit trail; under
 * `error` the change is refused.
 *
 * @example
 * ```ts
 * const change = addLabels(makeDescriptor({ labels: ['untrusted'] }), ['trusted']);
 * change.type === 'changed' && change.conflict; // { labels: ['trusted', 'untrusted'], resolved: 'untrusted' }
 * ```
 */
export function addLabels(
  descriptor: Descriptor,
  labels: readonly Label[],
  { trustConflict = 'untrusted-wins' }: { trustConflict?: TrustConflictMode } = {},
): LabelChange {
  const adding = new Set(labels);
  const isUntrusted = hasLabel(descriptor.labels, 'untrusted') || hasLabel([...adding], 'untrusted');
  let conflict: TrustConflict | undefined;
  if (hasLabel([...adding], 'trusted') && isUntrusted) {
    if (trustConflict === 'error') return refused(new LabelModificationError({ code: 'TRUST_CONFLICT', label: 'trusted' }));
    for (const label of [...adding]) if (matchesLabel('trusted', label)) adding.delete(label);
    conflict = TRUST_CONFLICT;
  }
  const keep = (label: Label) => !(isUntrusted && matchesLabel('trusted', label));
  const next = makeDescriptor({
    labels: [...descriptor.labels, ...adding].filter(keep),
    taint: [...descriptor.taint, ...adding].filter(keep),
    sources: descriptor.sources,
  });
  const warning =
    conflict !== undefined && trustConflict === 'warn'
      ? 'trust conflict: `trusted` was not added to an `untrusted` value; it stays `untrusted`'
      : undefined;
  return changed(next, conflict, warning);
}

/**
 * Removes labels from a descriptor. Every removal needs privilege (a privileged guard); `src:*` and `dir:*`
 * provenance can never be removed. Without privilege, removing `secret` or `untrusted` is refused with
 * `PROTECTED_LABEL_REMOVAL` and any other label with `LABEL_PRIVILEGE_REQUIRED`.
 *
 * @example
 * ```ts
 * removeLabels(makeDescriptor({ labels: ['secret'] }), ['secret'], { privileged: false }).type; // 'refused'
 * ```
 */
export function removeLabels(
  descriptor: Descriptor,
  labels: readonly Label[],
  { privileged }: { privileged: boolean },
): LabelChange {
  for (const label of labels) {
    if (isProvenanceLabel(label) || (!privileged && isProtectedLabel(label))) {
      return refused(new LabelModificationError({ code: 'PROTECTED_LABEL_REMOVAL', label }));
    }
    if (!privileged) return refused(new LabelModificationError({ code: 'LABEL_PRIVILEGE_REQUIRED', label }));
  }
  const removing = new Set(labels);
  const keep = (label: Label) => !removing.has(label);
  return changed(
    makeDescriptor({ labels: descriptor.labels.filter(keep), taint: descriptor.taint.filter(keep), sources: descriptor.sources }),
  );
}

/**
 * Blesses a value: removes `untrusted` and adds `trusted`. Only privileged code may bless.
 *
 * @example
 * ```ts
 * blessLabels(makeDescriptor({ labels: ['untrusted'] }), { privileged: true }); // changed → ['trusted']
 * ```
 */
export function blessLabels(descriptor: Descriptor, { privileged }: { privileged: boolean }): LabelChange {
  if (!privileged) return refused(new LabelModificationError({ code: 'PROTECTED_LABEL_REMOVAL', label: 'untrusted' }));
  const removed = removeLabels(descriptor, ['untrusted'], { privileged });
  if (removed.type === 'refused') return removed;
  return addLabels(removed.descriptor, ['trusted']);
}
