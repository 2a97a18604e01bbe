import { defineGuard, type Guard } from '../guards/define-guard.js';
import { outcome } from '../guards/guard-outcome.js';
import type { AuditLedger } from './create-audit-ledger.js';

/**
 * A privileged before-guard that denies every call while an `enforce`-mode ledger cannot be written (its
 * store's probe fails: the folder is read-only, the last record is unreadable…). It never allows anything
 * itself, so it cannot lift a denial; being privileged, it cannot be bypassed per call. Use it until the
 * session checks `ledger.checkWritable()` itself right after recording each decision.
 *
 * @example
 * ```ts
 * const ledger = createAuditLedger();
 * const session = createSession({ policy, guards: [auditGuard(ledger)], onEvent: ledger.listener });
 * ```
 */
export function auditGuard(ledger: Pick<AuditLedger, 'mode' | 'store'>, { name = 'labelflow-audit' }: { name?: string } = {}): Guard {
  return defineGuard({
    name,
    privileged: true,
    before: () => {
      if (ledger.mode !== 'enforce') return undefined;
      const probe = ledger.store.probe();
      // Fail closed: in enforce mode an operation that cannot be recorded must not happen.
      return probe.ok ? undefined : outcome.deny(`the audit ledger cannot be written (${probe.reason}), and the policy requires every call to be recorded`);
    },
  });
}
