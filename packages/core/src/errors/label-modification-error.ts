import { LabelflowError } from './labelflow-error.js';

const name = 'LabelModificationError';
const marker = `labelflow.error.${name}`;
const symbol = Symbol.for(marker);

/** Why a label change was refused. */
export type LabelModificationCode = 'PROTECTED_LABEL_REMOVAL' | 'LABEL_PRIVILEGE_REQUIRED' | 'TRUST_CONFLICT';

const HOW_TO_FIX: Record<LabelModificationCode, string> = {
  PROTECTED_LABEL_REMOVAL: 'only a privileged guard may remove it, and `src:*` provenance can never be removed',
  LABEL_PRIVILEGE_REQUIRED: 'removing a label needs a privileged guard',
  TRUST_CONFLICT: 'the value is already `untrusted`; bless it from a privileged guard instead, or set `defaults.trustconflict` to `untrusted-wins`',
};

/**
 * Thrown when code tries to remove a label without privilege, remove provenance, or add `trusted` to an
 * `untrusted` value under `defaults.trustconflict: 'error'`.
 *
 * @example
 * ```ts
 * const result = removeLabels(descriptor, ['secret'], { privileged: false });
 * if (result.type === 'refused') throw result.error; // LabelModificationError, code PROTECTED_LABEL_REMOVAL
 * ```
 */
export class LabelModificationError extends LabelflowError {
  private readonly [symbol] = true;
  readonly code: LabelModificationCode;
  readonly label: string;

  constructor({ code, label }: { code: LabelModificationCode; label: string }) {
    const what =
      code === 'TRUST_CONFLICT'
        ? `cannot add label \`${label}\` to a value that is already \`untrusted\``
        : code === 'PROTECTED_LABEL_REMOVAL'
          ? `cannot remove protected label \`${label}\` without privilege`
          : `removing label \`${label}\` requires privilege`;
    super({ name, message: `${what} (${code}): ${HOW_TO_FIX[code]}` });
    this.code = code;
    this.label = label;
  }

  static override isInstance(error: unknown): error is LabelModificationError {
    return LabelflowError.hasMarker(error, marker);
  }
}
