import { LabelflowError } from '../errors/labelflow-error.js';

const name = 'InvalidGuardError';
const marker = `labelflow.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * Thrown by `defineGuard` (and by `runGuards` for a guard list it cannot run) when a guard definition is
 * invalid. Every problem is listed at once, so a user can fix the definition in one pass.
 *
 * @example
 * ```ts
 * try { defineGuard({ name: 'audit', when: { labels: [] } }); }
 * catch (error) { if (InvalidGuardError.isInstance(error)) console.log(error.guard, error.problems); }
 * ```
 */
export class InvalidGuardError extends LabelflowError {
  private readonly [symbol] = true;

  /** The guard's name, or `undefined` when it has none that can be shown. */
  readonly guard: string | undefined;
  readonly problems: readonly string[];

  constructor({ guard, problems }: { guard?: string | undefined; problems: readonly string[] }) {
    const which = guard === undefined ? 'guard definition' : `guard \`${guard}\``;
    super({
      name,
      message: `${which} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.join('; ')}; fix the definition passed to \`defineGuard\``,
    });
    this.guard = guard;
    this.problems = Object.freeze([...problems]);
  }

  static override isInstance(error: unknown): error is InvalidGuardError {
    return LabelflowError.hasMarker(error, marker);
  }
}
