import type { ToolCallRequest } from './tool-call-request.js';

// A WeakSet no caller can reach: only core's own session can vouch for a request, and the mark dies with it.
const built = new WeakSet<object>();

/**
 * Marks a request the session built from its own grounding, so `evaluate` does not scan its string arguments for
 * URLs again. The session vouches that each argument's `urls` holds every URL `extractUrls` finds in the
 * argument's value when that value is a string (`groundArgument` grounds each one). A string that begins with a
 * URL, and every other value, is still scanned: `extractUrlsFromValue` reads those in ways `extractUrls` does not.
 * The request is still validated in full: labels reach it from tool metadata nobody else checks.
 *
 * Internal: exported for the session only, never from the package, so no caller outside core can forge the mark.
 */
export function markSessionRequest<T extends ToolCallRequest>(request: T): T {
  built.add(request);
  return request;
}

/** True when the session marked this request with `markSessionRequest`. */
export function isSessionRequest(request: unknown): boolean {
  return typeof request === 'object' && request !== null && built.has(request);
}
