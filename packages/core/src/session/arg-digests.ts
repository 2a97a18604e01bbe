import { digestValue } from './digest.js';

/** A call's argument digests, computed on first use: by the call's first event, only when someone listens. */
export type ArgDigests = () => Readonly<Record<string, string>>;

/**
 * The digests of a call's arguments (canonical JSON + SHA-256 each), made at most once per call and shared by its
 * `decision` and `tool-call` events. Each use gets its own copy, so a listener that changes one event's record
 * cannot change another's.
 *
 * @example
 * ```ts
 * const digests = argDigests({ to: 'rita@corp.io' });
 * digests(); // { to: 'sha256:…' }, computed now
 * digests(); // the same digests, not computed again
 * ```
 */
export function argDigests(args: Readonly<Record<string, unknown>>): ArgDigests {
  let digests: Record<string, string> | undefined;
  return () => {
    digests ??= Object.fromEntries(Object.keys(args).map((name) => [name, digestValue(args[name])]));
    return { ...digests };
  };
}
