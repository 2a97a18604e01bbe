import { LabelflowError } from '../errors/labelflow-error.js';

const name = 'ToolRefusedError';
const marker = `labelflow.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * Thrown by a ready-made tool's `execute` when it will not act although the session allowed the call: the call
 * was never prepared, was refused when prepared (a `danger` opt-in such as `cmd` opened the refusal), or its
 * arguments changed after the check (a guard transform, a resolved secret handle). The session reports it as a
 * `failed` call.
 *
 * @example
 * ```ts
 * try { await tool.execute(args, context); } catch (error) { if (ToolRefusedError.isInstance(error)) console.log(error.reason); }
 * ```
 */
export class ToolRefusedError extends LabelflowError {
  private readonly [symbol] = true;
  readonly tool: string;
  readonly reason: string;

  constructor({ tool, reason }: { tool: string; reason: string }) {
    super({ name, message: `tool \`${tool}\` refused to run: ${reason}` });
    this.tool = tool;
    this.reason = reason;
  }

  static override isInstance(error: unknown): error is ToolRefusedError {
    return LabelflowError.hasMarker(error, marker);
  }
}
