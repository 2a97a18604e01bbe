import type { DescriptorParts } from '../labels/descriptor.js';
import type { Label } from '../labels/label.js';

/** One URL found inside an argument, with the labels it got when grounded on its own. */
export interface UrlInput {
  readonly url: string;
  readonly labels: readonly Label[];
}

/**
 * One argument of a tool call as the engine saw it: its value and its grounded descriptor. `known` on an
 * argument means every leaf of it was found in trusted input (see `combineLeaves`).
 */
export interface ArgumentInput {
  /** The argument's value. Used for pinned authorizations, spend limits and URL extraction. */
  readonly value?: unknown;
  readonly labels: readonly Label[];
  readonly taint?: readonly Label[];
  readonly sources?: readonly string[];
  /** Every URL inside the argument, grounded alone. A URL in `value` missing from this list counts as novel. */
  readonly urls?: readonly UrlInput[];
}

/** What the run has done so far, for `limits`. Counts only calls that were allowed and executed. */
export interface RunCounters {
  readonly calls: number;
  readonly callsByTool?: Readonly<Record<string, number>>;
  readonly spent?: number;
}

/** What a call touches beyond its tool name, for capability checks (shell commands, files, hosts). */
export interface OperationInput {
  /** Each command of the call (every command in a pipeline) as its words. */
  readonly commands?: readonly (readonly string[])[];
  /** Files the call reads or writes: absolute, normalised paths. */
  readonly paths?: readonly { readonly mode: 'r' | 'w'; readonly path: string }[];
  /** Network hosts the call reaches. */
  readonly hosts?: readonly string[];
}

/**
 * A tool call to decide. The engine builds it from the model's call and the session's content index; tests and
 * the corpus build it by hand.
 *
 * @example
 * ```ts
 * const request: ToolCallRequest = {
 *   tool: 'send_email',
 *   labels: ['exfil:send'],
 *   controlArgs: ['to'],
 *   args: { to: { value: 'rita@corp.io', labels: ['known', 'trusted'], taint: ['src:user'] },
 *           body: { value: 'Two mails.', labels: [] } },
 *   context: { labels: ['untrusted'], taint: ['src:tool:read_inbox'] },
 * };
 * ```
 */
export interface ToolCallRequest {
  readonly tool: string;
  /**
   * The tool's declared operation labels (joined with the policy's `tools` entry). Omit them when nobody described
   * the tool: it is then treated as consequential. `[]` declares a tool that carries no risk.
   */
  readonly labels?: readonly Label[];
  /** Arguments where an attacker-chosen value causes harm. Omitted or empty: every argument is a control argument. */
  readonly controlArgs?: readonly string[];
  readonly args: Readonly<Record<string, ArgumentInput>>;
  /** The join of everything the model had seen when it made the call. */
  readonly context?: DescriptorParts;
  readonly operation?: OperationInput;
  readonly run?: RunCounters;
}
