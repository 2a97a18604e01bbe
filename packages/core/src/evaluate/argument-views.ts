import { canonicalUrl, extractUrlsFromValue, isNullLike } from '../text/index.js';
import { hasLabel } from '../labels/match-label.js';
import { SENSITIVITY_LABELS, type Label } from '../labels/label.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import type { ToolCallRequest, UrlInput } from './tool-call-request.js';

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

function unique(...lists: readonly (readonly Label[] | undefined)[]): readonly Label[] {
  const set = new Set<Label>();
  for (const list of lists) for (const label of list ?? []) set.add(label);
  return Object.freeze([...set]);
}

function collectUrls(value: unknown, provided: readonly UrlInput[] | undefined): readonly UrlInput[] {
  const urls = [...(provided ?? [])];
  const seen = new Set(urls.map((url) => canonicalUrl(url.url) ?? url.url));
  for (const url of extractUrlsFromValue(value)) {
    const key = canonicalUrl(url) ?? url;
    // A URL nobody grounded is novel: it gets no labels, so only `urls.allow` can let it through.
    if (!seen.has(key)) urls.push({ url, labels: [] });
    seen.add(key);
  }
  return Object.freeze(urls);
}

/** Computes how every rule reads every argument of a (validated) request. */
export function argumentViews(compiled: CompiledPolicy, request: ToolCallRequest): ArgumentViews {
  const metadata = compiled.tools.get(request.tool);
  const declared = new Set([...(request.controlArgs ?? []), ...(metadata?.controlArgs ?? [])]);
  const controlDeclared = declared.size > 0;
  const context = unique(request.context?.labels, request.context?.taint);
  const contextSensitivity = context.filter((label) => SENSITIVITY_LABELS.some((rule) => hasLabel([label], rule)));
  const views: ArgumentView[] = [];
  for (const name of Object.keys(request.args)) {
    const arg = request.args[name];
    if (arg === undefined) continue;
    const control = !controlDeclared || declared.has(name);
    const readsContext = !controlDeclared || !control;
    const grounded = unique(arg.labels, arg.taint);
    const hasValue = Object.hasOwn(arg, 'value');
    views.push(
      Object.freeze({
        name,
        control,
        grounded,
        sensitivity: readsContext ? unique(grounded, contextSensitivity) : grounded,
        flow: readsContext ? unique(grounded, context) : grounded,
        empty: hasValue && isNullLike(arg.value),
        value: arg.value,
        urls: collectUrls(arg.value, arg.urls),
      }),
    );
  }
  return Object.freeze({ views: Object.freeze(views), controlDeclared, context });
}
