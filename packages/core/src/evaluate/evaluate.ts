import type { CapabilityOperation } from '../capabilities/index.js';
import { urlHost } from '../text/index.js';
import type { Label } from '../labels/label.js';
import type { CompiledLayer, CompiledPolicy } from '../policy/compiled-policy.js';
import { argumentViews, type ArgumentViews } from './argument-views.js';
import { checkAuthorizations } from './check-authorizations.js';
import { checkLayerCapabilities } from './check-layer-capabilities.js';
import { checkBuiltinRules, checkNovelUrls } from './check-builtin-rules.js';
import { checkLabelRules } from './check-label-rules.js';
import { checkLimits } from './check-limits.js';
import { allowDecision, denyDecision, requireApprovalDecision, violation, type Decision, type Violation } from './decision.js';
import { operationProfile } from './operation-profile.js';
import type { ToolCallRequest } from './tool-call-request.js';
import { isSessionRequest } from './trusted-request.js';
import { validateRequest } from './validate-request.js';

function capabilityOperation(request: ToolCallRequest, network: boolean, views: ArgumentViews): CapabilityOperation {
  const hosts = [...(request.operation?.hosts ?? [])];
  // A network tool reaches the hosts of the URLs in its control arguments, whether or not the caller said so.
  if (network) {
    for (const view of views.views) {
      if (!view.control) continue;
      for (const url of view.urls) {
        const host = urlHost(url.url);
        if (host !== undefined) hosts.push(host);
      }
    }
  }
  return {
    tool: request.tool,
    ...(request.operation?.commands === undefined ? {} : { commands: request.operation.commands }),
    ...(request.operation?.paths === undefined ? {} : { paths: request.operation.paths }),
    ...(hosts.length === 0 ? {} : { hosts }),
  };
}

function argLabelsOf(views: ArgumentViews): Readonly<Record<string, readonly Label[]>> {
  const argLabels: Record<string, readonly Label[]> = {};
  for (const view of views.views) {
    // Assignment is a plain own property only when no inherited property of that name could intercept it.
    if (view.name in Object.prototype) Object.defineProperty(argLabels, view.name, { value: view.flow, writable: true, enumerable: true, configurable: true });
    else argLabels[view.name] = view.flow;
  }
  return Object.freeze(argLabels);
}

function decide(compiled: CompiledPolicy, request: ToolCallRequest, fromSession: boolean): Decision {
  const { tool } = request;
  const profile = operationProfile(compiled, tool, request.labels);
  const { operation } = profile;
  const views = argumentViews(compiled, request, fromSession);
  const argLabels = argLabelsOf(views);

  // 1. Capabilities: never overridable.
  const capabilityOp = capabilityOperation(request, profile.is.network, views);
  for (const layer of compiled.layers) {
    const found = checkLayerCapabilities(layer.capabilities, capabilityOp);
    if (found !== undefined) {
      const capability = violation({
        ruleId: found.ruleId,
        reason: found.reason,
        suggestion: found.ruleId.endsWith('.danger')
          ? 'open this capability explicitly in `capabilities.danger` if the task really needs it'
          : 'change `capabilities` (or `capabilities.network`) if this call should be possible',
        target: found.subject,
      });
      return denyDecision({ tool, code: 'capability-denied', violations: [capability], overridable: false, argLabels });
    }
  }

  // 2. The task manifest: never overridable.
  for (const layer of compiled.layers) {
    const found = checkAuthorizations(layer, tool, operation.targets, views);
    if (found !== undefined) return denyDecision({ tool, code: 'not-authorized', violations: [found], overridable: false, argLabels });
  }

  // 3–5. Built-in rules, `labels` rules and limits: every violation is reported.
  const violations: Violation[] = checkBuiltinRules(compiled, views, operation, profile.is);
  for (let index = 0; index < compiled.layers.length; index += 1) {
    const layer = compiled.layers[index] as CompiledLayer;
    if (profile.is.exfil && layer.rules.has('no-novel-urls')) {
      const found = checkNovelUrls(views.views, layer.urlAllowed);
      if (found !== undefined && !violations.some((item) => item.ruleId === found.ruleId && item.target === found.target)) violations.push(found);
    }
    violations.push(...checkLabelRules(layer, views, operation.targets, profile.allowTargets[index] as readonly Label[], compiled.unlabeled));
  }
  const limitViolations = compiled.layers.flatMap((layer) => checkLimits(layer, tool, request.run, views));
  if (violations.length > 0 || limitViolations.length > 0) {
    return denyDecision({
      tool,
      code: violations.length > 0 ? 'policy-denied' : 'limit-exceeded',
      violations: [...violations, ...limitViolations],
      overridable: !compiled.locked && limitViolations.length === 0,
      argLabels,
    });
  }

  // Approval: the call passes every rule but a person must still say yes.
  const { approvals } = profile;
  if (approvals.length > 0) {
    const approval = violation({
      ruleId: 'requireApproval',
      reason: 'this operation requires approval',
      suggestion: 'approve the call, or remove the operation from `requireApproval`',
      target: approvals[0] as string,
    });
    return requireApprovalDecision({ tool, violations: [approval], argLabels });
  }
  return allowDecision({ tool, argLabels });
}

/**
 * Decides one tool call. Pure and total: it never throws and never does I/O. Checks run in order: capabilities
 * → the task manifest (`authorizations`) → built-in rules → `labels` rules → limits → approval. A malformed
 * request or an internal error denies (unlike Cedar, which skips a failing policy).
 *
 * @example
 * ```ts
 * const compiled = compilePolicy({ tools: { send_email: { labels: ['exfil:send'], controlArgs: ['to'] } } });
 * const decision = evaluate(compiled, {
 *   tool: 'send_email',
 *   args: { to: { value: 'audit@vend0r.net', labels: ['untrusted'], taint: ['src:tool:read_inbox'] } },
 * });
 * decision.type;    // 'deny'
 * decision.ruleIds; // ['no-send-to-unknown']
 * ```
 */
export function evaluate(compiled: CompiledPolicy, request: ToolCallRequest): Decision {
  const tool = typeof (request as { tool?: unknown } | null)?.tool === 'string' ? (request as { tool: string }).tool : '(unknown)';
  try {
    const problem = validateRequest(request);
    if (problem !== undefined) {
      // Fail closed: a request we cannot read could hide anything.
      const malformed = violation({ ruleId: 'request.malformed', reason: problem, suggestion: 'build requests with the session or the adapters, which fill every field' });
      return denyDecision({ tool, code: 'malformed-request', violations: [malformed], overridable: false });
    }
    return decide(compiled, request, isSessionRequest(request));
  } catch (error) {
    // Fail closed: an internal error must never turn into an allow.
    const reason = error instanceof Error ? error.message : String(error);
    const internal = violation({ ruleId: 'evaluate.internal-error', reason: `internal error: ${reason}`, suggestion: 'report this as a bug with the request that caused it' });
    return denyDecision({ tool, code: 'internal-error', violations: [internal], overridable: false });
  }
}
