import type { SessionEvent, SessionListener } from '../session/session-event.js';

type AttributeValue = string | number | boolean | string[];
type Attributes = Record<string, AttributeValue>;

/** The part of a span this listener uses. */
export interface OtelSpanLike {
  addEvent(name: string, attributes?: Attributes, time?: number): unknown;
  end(time?: number): void;
}

/** The part of `@opentelemetry/api` this listener uses. */
export interface OtelApiLike {
  readonly trace: {
    getActiveSpan(): OtelSpanLike | undefined;
    getTracer(name: string): { startSpan(name: string, options?: { startTime?: number; attributes?: Attributes }): OtelSpanLike };
  };
}

/** A session listener that also says whether OpenTelemetry was found. */
export interface OtelListener extends SessionListener {
  /** Resolves to true once `@opentelemetry/api` is loaded, false when it is not installed. */
  readonly ready: Promise<boolean>;
}

/** Options of `createOtelListener`. */
export interface OtelListenerOptions {
  /** Loads the API (default: a dynamic import of `@opentelemetry/api`, an optional peer dependency). */
  readonly load?: () => Promise<OtelApiLike>;
  readonly tracerName?: string;
}

function attributesOf(event: Extract<SessionEvent, { type: 'decision' | 'tool-call' }>): Attributes {
  const attributes: Attributes = {
    'labelflow.session_id': event.sessionId,
    'labelflow.tool': event.tool,
    'labelflow.tool_call_id': event.toolCallId,
  };
  if (event.type === 'tool-call') {
    attributes['labelflow.status'] = event.status;
    attributes['labelflow.duration_ms'] = event.durationMs;
    return attributes;
  }
  attributes['labelflow.decision'] = event.decision.type;
  attributes['labelflow.code'] = event.decision.code;
  attributes['labelflow.rule_ids'] = [...event.decision.ruleIds];
  for (const name of Object.keys(event.argLabels)) attributes[`labelflow.arg.${name}.labels`] = [...(event.argLabels[name] ?? [])];
  return attributes;
}

/**
 * Emits each decision and executed tool call as an OpenTelemetry span event (`labelflow.decision`,
 * `labelflow.tool_call`) with labels, rule ids and ids as attributes, never argument values. The event goes on
 * the active span, or on a short span of its own when there is none. `@opentelemetry/api` is an optional peer
 * dependency, loaded with a dynamic import: without it the listener does nothing, and without an SDK the API
 * itself is a no-op. Events that arrive before the import finishes are not traced.
 *
 * @example
 * ```ts
 * const otel = createOtelListener();
 * const session = createSession({ policy, onEvent: otel });
 * await otel.ready; // true when @opentelemetry/api is installed
 * ```
 */
export function createOtelListener({ load = () => import('@opentelemetry/api') as Promise<OtelApiLike>, tracerName = '@labelflow/core' }: OtelListenerOptions = {}): OtelListener {
  let api: OtelApiLike | undefined;
  const ready = load().then(
    (loaded) => {
      api = loaded;
      return true;
    },
    // Fail soft: tracing is optional, and its absence must never affect a run.
    () => false,
  );
  const listener = (event: SessionEvent): void => {
    if (api === undefined || (event.type !== 'decision' && event.type !== 'tool-call')) return;
    try {
      const name = event.type === 'decision' ? 'labelflow.decision' : 'labelflow.tool_call';
      const attributes = attributesOf(event);
      const active = api.trace.getActiveSpan();
      if (active !== undefined) {
        active.addEvent(name, attributes, event.ts);
        return;
      }
      const start = event.type === 'tool-call' ? event.ts - event.durationMs : event.ts;
      const span = api.trace.getTracer(tracerName).startSpan(`labelflow ${event.tool}`, { startTime: start, attributes: { 'labelflow.tool': event.tool } });
      span.addEvent(name, attributes, event.ts);
      span.end(event.ts);
    } catch {
      // Tracing observes; a broken tracer must not affect the run.
    }
  };
  return Object.assign(listener, { ready });
}
