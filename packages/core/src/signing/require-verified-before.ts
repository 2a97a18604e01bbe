import { defineGuard, type Guard } from '../guards/define-guard.js';
import { outcome } from '../guards/guard-outcome.js';

/** Options of `requireVerifiedBefore`. */
export interface RequireVerifiedOptions {
  /** The verify tool's name (default `verify`). */
  readonly verifyTool?: string;
  /** `retry` (default) tells the model to call verify first; `deny` refuses outright. */
  readonly action?: 'retry' | 'deny';
  readonly name?: string;
}

/**
 * A guard that lets the named tools run only after the verify tool ran in this run (`ctx.tools.calls`, which
 * holds executed calls only). Autoverify only asks a model to verify; this makes it a requirement.
 *
 * @example
 * ```ts
 * const session = createSession({ policy, guards: [requireVerifiedBefore(['publish', 'send_*'])] });
 * ```
 */
export function requireVerifiedBefore(tools: readonly string[], { verifyTool = 'verify', action = 'retry', name = 'require-verified' }: RequireVerifiedOptions = {}): Guard {
  return defineGuard({
    name,
    when: { tools },
    before: (ctx) => {
      if (ctx.tools.calls.includes(verifyTool)) return undefined;
      const message = `call \`${verifyTool}\` and compare your instructions with the signed originals before \`${ctx.tool}\``;
      return action === 'deny' ? outcome.deny(message) : outcome.retry(message);
    },
  });
}
