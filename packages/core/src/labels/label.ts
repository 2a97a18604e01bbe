/**
 * A label is a string; `:` makes a hierarchy (`src:mcp:github:get_issue`, `op:cmd:git:push`). Rules match a
 * label and all of its children.
 */
export type Label = string;

/** The labels labelflow itself gives meaning to. */
export const LABELS = Object.freeze({
  trusted: 'trusted',
  untrusted: 'untrusted',
  secret: 'secret',
  sensitive: 'sensitive',
  pii: 'pii',
  influenced: 'influenced',
  known: 'known',
  knownInternal: 'known:internal',
  llm: 'llm',
  exfil: 'exfil',
  exfilSend: 'exfil:send',
  exfilFetch: 'exfil:fetch',
  destructive: 'destructive',
  destructiveTargeted: 'destructive:targeted',
  privileged: 'privileged',
  exec: 'exec',
} as const);

/** Risk categories a policy's `operations` section maps tool labels onto. */
export const RISK_CATEGORIES: readonly Label[] = Object.freeze([
  'exfil',
  'exfil:send',
  'exfil:fetch',
  'destructive',
  'destructive:targeted',
  'destructive:untargeted',
  'privileged',
  'exec',
]);

/** Sensitivity labels: read on every argument by the sensitivity rules, payload included. */
export const SENSITIVITY_LABELS: readonly Label[] = Object.freeze(['secret', 'sensitive', 'pii']);

/**
 * Positive labels: attestations that make a value more acceptable (`known`, `known:<tier>`, `trusted`). They are
 * the only labels whose addition can turn a denial into an allow.
 */
export function isPositiveLabel(label: Label): boolean {
  return label === 'trusted' || label === 'known' || label.startsWith('known:');
}

// Kept here rather than importing matchesLabel so that this file stays free of dependencies.
function isUnderLabel(label: Label, parent: Label): boolean {
  return label === parent || label.startsWith(`${parent}:`);
}

/** Provenance labels (`src:*`, `dir:*`): facts about where a value came from, never removable. */
export function isProvenanceLabel(label: Label): boolean {
  return label.startsWith('src:') || label.startsWith('dir:');
}

/** Operation labels (`op:*`) describe an operation and never propagate to the operation's outputs. */
export function isOperationLabel(label: Label): boolean {
  return label === 'op' || label.startsWith('op:');
}

/**
 * Protected labels can be removed only by privileged code (`secret`, `untrusted`); provenance (`src:*`,
 * `dir:*`) cannot be removed at all.
 */
export function isProtectedLabel(label: Label): boolean {
  return isUnderLabel(label, 'secret') || isUnderLabel(label, 'untrusted') || isProvenanceLabel(label);
}

/** True when `label` is a well-formed label: non-empty segments separated by `:`, no whitespace. */
export function isWellFormedLabel(label: unknown): label is Label {
  return typeof label === 'string' && /^[^\s:]+(?::[^\s:]+)*$/u.test(label);
}
