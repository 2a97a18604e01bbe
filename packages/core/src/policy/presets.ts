import { DEFAULT_RULE_IDS } from './builtin-rules.js';
import type { Policy } from './policy-schema.js';

function freeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) freeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/** Writes to the network or mail are `exfil`; deleting and writing files are `destructive`. */
const COMMON_OPERATIONS: NonNullable<Policy['operations']> = {
  exfil: ['net:w'],
  'exfil:send': ['email:send', 'msg:send'],
  'exfil:fetch': ['net:fetch'],
  destructive: ['fs:w', 'db:w'],
  'destructive:targeted': ['fs:delete', 'db:delete'],
  privileged: ['sys:admin', 'auth:w'],
};

/**
 * Ready-made policies. Compose them with your own policy (`compilePolicy([presets.production, myPolicy])`); your
 * layer can only narrow them.
 *
 * - `production`: every default rule, unlabeled values untrusted, trust conflicts are errors, `locked` (no guard
 *   may lift a managed denial), at most 200 tool calls per run, and destructive operations need approval.
 * - `development`: every default rule, trust conflicts warn, not locked, no limits: the same decisions as
 *   production for attacks, with room to experiment with guards.
 * - `sandbox`: for agents that run in a disposable environment: secrets still never leave, untrusted data
 *   still cannot drive destructive or privileged operations, and model-made commands still do not run; the
 *   positive checks on recipients and targets and the URL rule are off.
 *
 * @example
 * ```ts
 * const compiled = compilePolicy([presets.production, { tools: { send_email: { labels: ['exfil:send'], controlArgs: ['to'] } } }]);
 * ```
 */
export const presets = freeze({
  production: {
    name: 'labelflow:production',
    defaults: { unlabeled: 'untrusted', rules: [...DEFAULT_RULE_IDS], trustconflict: 'error' },
    operations: COMMON_OPERATIONS,
    limits: { maxCalls: 200 },
    requireApproval: ['destructive'],
    locked: true,
  },
  development: {
    name: 'labelflow:development',
    defaults: { unlabeled: 'untrusted', rules: [...DEFAULT_RULE_IDS], trustconflict: 'warn' },
    operations: COMMON_OPERATIONS,
  },
  sandbox: {
    name: 'labelflow:sandbox',
    defaults: {
      unlabeled: 'untrusted',
      rules: ['no-secret-exfil', 'no-untrusted-destructive', 'no-untrusted-privileged', 'no-influenced-exec', 'untrusted-llms-get-influenced'],
      trustconflict: 'untrusted-wins',
    },
    operations: COMMON_OPERATIONS,
  },
} satisfies Record<'production' | 'development' | 'sandbox', Policy>);
