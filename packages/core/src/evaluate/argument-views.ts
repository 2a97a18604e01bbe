import { isNullLike } from '../text/index.js';
import { matchesLabel } from '../labels/match-label.js';
import { SENSITIVITY_LABELS, type Label } from '../labels/label.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import { collectUrls } from './collect-urls.js';
import type { ToolCallRequest, UrlInput } from './tool-call-request.js';
import { unionOfLabels } from './union-of-labels.js';

/** How the rules read one argument (DESIGN §4: per-argument provenance). */
export interface ArgumentView {
  readonly name: string;
  /** True when the argument is a control argument (every argument is, when the tool declares none). */
  readonly control: boolean;
  /** Its own grounded labels and taint: what trust rules read. */
  readonly grounded: readonly Label[];
  /** Grounded labels plus, for payload arguments, the context's sensitivity labels: what sensitivity rules read. */
  readonly sensitivity: readonly Label[];
  /** Grounded labels plus, for payload arguments, the whole context: what `labels` rules read. */
  readonly flow: readonly Label[];
  /** True when the value is absent or empty (`null`, `[]`, `"null"`): nothing to prove. */
  readonly empty: boolean;
  readonly value: unknown;
  /** Every URL inside the argument with its labels; URLs the caller did not ground have none. */
  readonly urls: readonly UrlInput[];
}

/** The argument views of a request, with whether the tool declared its control arguments. */
export interface ArgumentViews {
  readonly views: readonly ArgumentView[];
  readonly controlDeclared: boolean;
  readonly context: readonly Label[];
}

/** The label lists of arguments that share the same `labels` and `taint` arrays and read the context alike. */
interface Reading {
  readonly labels: readonly Label[];
  readonly taint: readonly Label[] | undefined;
  readonly readsContext: boolean;
  readonly own: readonly Label[];
  readonly sensitivity: readonly Label[];
  readonly flow: readonly Label[];
}

function readingOf(
  labels: readonly Label[],
  taint: readonly Label[] | undefined,
  readsContext: boolean,
  context: readonly Label[],
  contextSensitivity: readonly Label[],
): Reading {
  const own = unionOfLabels(labels, taint);
  return {
    labels,
    taint,
    readsContext,
    own,
    sensitivity: readsContext && contextSensitivity.length > 0 ? unionOfLabels(own, contextSensitivity) : own,
    flow: readsContext && context.length > 0 ? unionOfLabels(own, context) : own,
  };
}

function findReading(readings: readonly Reading[], labels: readonly Label[], taint: readonly Label[] | undefined, readsContext: boolean): Reading | undefined {
  for (const reading of readings) if (reading.labels === labels && reading.taint === taint && reading.readsContext === readsContext) return reading;
  return undefined;
}

function isSensitivity(label: Label): boolean {
  for (const rule of SENSITIVITY_LABELS) if (matchesLabel(rule, label)) return true;
  return false;
}

function controlArgsOf(request: ToolCallRequest, declaredByPolicy: readonly string[] | undefined): ReadonlySet<string> | readonly string[] {
  const fromRequest = request.controlArgs ?? [];
  const fromPolicy = declaredByPolicy ?? [];
  // Usually one side is empty: its list is then read as is, without building a set.
  if (fromPolicy.length === 0) return fromRequest;
  if (fromRequest.length === 0) return fromPolicy;
  return new Set([...fromRequest, ...fromPolicy]);
}

function has(names: ReadonlySet<string> | readonly string[], name: string): boolean {
  return names instanceof Set ? names.has(name) : (names as readonly string[]).includes(name);
}

/**
 * Computes how every rule reads every argument of a (validated) request. `urlsGrounded` says the session built the
 * request and grounded every URL of its string arguments (see `markSessionRequest`).
 */
export function argumentViews(compiled: CompiledPolicy, request: ToolCallRequest, urlsGrounded = false): ArgumentViews {
  const declared = controlArgsOf(request, compiled.tools.get(request.tool)?.controlArgs);
  const controlDeclared = declared instanceof Set ? declared.size > 0 : (declared as readonly string[]).length > 0;
  const context = unionOfLabels(request.context?.labels, request.context?.taint);
  const contextSensitivity = context.filter(isSensitivity);
  const views: ArgumentView[] = [];
  // Arguments often share their label arrays (grounded descriptors are interned): each pair is read once.
  const readings: Reading[] = [];
  const { args } = request;
  for (const name of Object.keys(args)) {
    const arg = args[name];
    if (arg === undefined) continue;
    const control = !controlDeclared || has(declared, name);
    const readsContext = !controlDeclared || !control;
    const { labels, taint } = arg;
    let reading = findReading(readings, labels, taint, readsContext);
    if (reading === undefined) {
      reading = readingOf(labels, taint, readsContext, context, contextSensitivity);
      readings.push(reading);
    }
    views.push({
      name,
      control,
      grounded: reading.own,
      sensitivity: reading.sensitivity,
      flow: reading.flow,
      empty: Object.hasOwn(arg, 'value') && isNullLike(arg.value),
      value: arg.value,
      urls: collectUrls(arg.value, arg.urls, urlsGrounded),
    });
  }
  return { views, controlDeclared, context };
}
